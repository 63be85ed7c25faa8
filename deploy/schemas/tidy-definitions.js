// Renames the definitions typescript-json-schema writes (import("<abs path>/node_modules/<pkg>/<file>").<Type>.<hash>)
// to names that do not depend on the machine: <Type> where that is unique, else <pkg>.<file>.<Type>.
const fs = require("fs");
const [input, output] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(input, "utf8"));
const decode = (name) => { try { return decodeURIComponent(name); } catch (e) { return name; } };
const tidy = (name) => {
    const imported = /^import\("(?:[^"]*?node_modules\/)?([^"]*)"[^)]*\)\.([A-Za-z0-9_]+)(?:\.[0-9a-f]{8})?$/.exec(name);
    return imported ? imported[1].replace(/\//g, ".") + "." + imported[2] : name.replace(/\.[0-9a-f]{8}$/, "");
};
const names = Object.keys(schema.definitions || {}).map(decode);
const counts = new Map();
names.forEach((name) => { const base = tidy(name).split(".").pop(); counts.set(base, (counts.get(base) || 0) + 1); });
const renamed = new Map(names.map((name) => {
    const full = tidy(name);
    const base = full.split(".").pop();
    return [name, counts.get(base) === 1 ? base : full];
}));
if (new Set(renamed.values()).size !== names.length) {
    throw new Error("definition names collide after tidying");
}
const rewrite = (node) => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node && typeof node === "object") {
        const out = {};
        for (const [key, value] of Object.entries(node)) {
            if (key === "$ref" && typeof value === "string" && value.startsWith("#/definitions/")) {
                const target = renamed.get(decode(value.slice("#/definitions/".length)));
                if (!target) throw new Error("unresolved reference " + value);
                out[key] = "#/definitions/" + target;
            } else if (key === "definitions" && node === schema) {
                out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [renamed.get(decode(k)), rewrite(v)]));
            } else {
                out[key] = rewrite(value);
            }
        }
        return out;
    }
    return node;
};
fs.writeFileSync(output, JSON.stringify(rewrite(schema), null, 1) + "\n");
