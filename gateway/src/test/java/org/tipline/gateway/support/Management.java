package org.tipline.gateway.support;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** The gateway's management interface under test: {@code /q/health} and {@code /q/metrics} live there. */
public final class Management {

    /** Where {@link LocalStackTestResource} leaves the port it chose. */
    static final String PORT_PROPERTY = "tipline.test.management-port";

    private Management() {
    }

    /** The management port that {@link LocalStackTestResource} chose for the application under test. */
    public static int port() {
        String chosen = System.getProperty(PORT_PROPERTY);
        return chosen != null
                ? Integer.parseInt(chosen)
                : ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }

    /** The Prometheus exposition, as text. */
    public static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
