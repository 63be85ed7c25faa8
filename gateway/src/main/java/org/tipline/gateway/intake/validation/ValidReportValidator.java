package org.tipline.gateway.intake.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.tipline.gateway.intake.model.AssociatedAccount;
import org.tipline.gateway.intake.model.Email;
import org.tipline.gateway.intake.model.InternetDetail;
import org.tipline.gateway.intake.model.InternetDetail.HasEmailAddresses;
import org.tipline.gateway.intake.model.Party;
import org.tipline.gateway.intake.model.ReportRequest;
import org.tipline.gateway.kernel.Priority;
import org.tipline.gateway.platform.errors.ViolationCode;

/**
 * Validates {@link ValidReport}: P1 and P2 need an escalation reason; batched reports carry only what batched mode
 * allows; one reported person unless batched; victims need a person; role-specific party fields stay in their role;
 * EMAIL and NEWSGROUP addresses appear on some party.
 */
public class ValidReportValidator implements ConstraintValidator<ValidReport, ReportRequest> {

    /** Fields a batched report may not carry. */
    private static final List<String> NOT_IN_BATCH = List.of("escalationReason", "internetDetails", "lawEnforcement",
            "intendedRecipients", "victims", "additionalInfo");
    private static final List<String> REPORTED_ONLY = List.of("vehicleDescription", "thirdPartyUserReported");
    private static final List<String> VICTIM_ONLY = List.of("schoolName");

    @Override
    public boolean isValid(ReportRequest report, ConstraintValidatorContext context) {
        if (report == null) {
            return true;
        }
        RuleContext rules = new RuleContext(context);
        checkPriority(report, rules);
        if (report.batched()) {
            checkBatch(report, rules);
        } else if (report.reportedPersons() != null && report.reportedPersons().size() > 1) {
            rules.explained(ViolationCode.TOO_MANY, "oneReportedPerson", "reportedPersons");
        }
        checkRoles(report.reportedPersons(), "reportedPersons", VICTIM_ONLY, rules);
        checkRoles(report.intendedRecipients(), "intendedRecipients", both(REPORTED_ONLY, VICTIM_ONLY), rules);
        checkRoles(report.victims(), "victims", REPORTED_ONLY, rules);
        checkVictims(report.victims(), rules);
        checkEmailAddresses(report, rules);
        return rules.valid();
    }

    private static void checkPriority(ReportRequest report, RuleContext rules) {
        boolean escalated = report.priority() == Priority.P1_IMMINENT || report.priority() == Priority.P2_SERIOUS;
        if (escalated && report.batched()) {
            rules.violation(ViolationCode.NOT_ALLOWED_IN_BATCH, "priority");
        } else if (escalated && !RuleContext.isPresent(report.escalationReason())) {
            rules.explained(ViolationCode.REQUIRED, "escalationReason", "escalationReason");
        }
    }

    private static void checkBatch(ReportRequest report, RuleContext rules) {
        for (String field : NOT_IN_BATCH) {
            if (RuleContext.isPresent(RuleContext.read(report, field))) {
                rules.violation(ViolationCode.NOT_ALLOWED_IN_BATCH, field);
            }
        }
        List<Party> reported = report.reportedPersons() == null ? List.of() : report.reportedPersons();
        for (int i = 0; i < reported.size(); i++) {
            if (reported.get(i) == null) {
                continue;
            }
            for (String field : RuleContext.presentFields(reported.get(i))) {
                if (!"espIdentifier".equals(field)) {
                    rules.violation(ViolationCode.NOT_ALLOWED_IN_BATCH, "reportedPersons", i, field);
                }
            }
        }
    }

    private static void checkRoles(List<Party> parties, String role, List<String> forbidden, RuleContext rules) {
        for (int i = 0; parties != null && i < parties.size(); i++) {
            if (parties.get(i) == null) {
                continue;
            }
            for (String field : forbidden) {
                if (RuleContext.isPresent(RuleContext.read(parties.get(i), field))) {
                    rules.explained(ViolationCode.NOT_ALLOWED, "role", role, i, field);
                }
            }
        }
    }

    private static void checkVictims(List<Party> victims, RuleContext rules) {
        for (int i = 0; victims != null && i < victims.size(); i++) {
            if (victims.get(i) != null && victims.get(i).person() == null) {
                rules.violation(ViolationCode.REQUIRED, "victims", i, "person");
            }
        }
    }

    private static void checkEmailAddresses(ReportRequest report, RuleContext rules) {
        List<InternetDetail> details = report.internetDetails();
        if (details == null) {
            return;
        }
        Set<String> onParties = partyEmails(report);
        for (int i = 0; i < details.size(); i++) {
            if (!(details.get(i) instanceof HasEmailAddresses withAddresses)
                    || withAddresses.emailAddresses() == null) {
                continue;
            }
            List<Email> addresses = withAddresses.emailAddresses();
            for (int j = 0; j < addresses.size(); j++) {
                Email email = addresses.get(j);
                if (email != null && email.address() != null && !onParties.contains(normalize(email.address()))) {
                    rules.violation(ViolationCode.EMAIL_NOT_ON_PARTY, "internetDetails", i, "emailAddresses", j,
                            "address");
                }
            }
        }
    }

    private static Set<String> partyEmails(ReportRequest report) {
        Set<String> emails = new HashSet<>();
        for (List<Party> parties : List.of(nonNull(report.reportedPersons()), nonNull(report.intendedRecipients()),
                nonNull(report.victims()))) {
            for (Party party : parties) {
                if (party == null) {
                    continue;
                }
                if (party.person() != null) {
                    addAll(emails, party.person().emails());
                }
                for (AssociatedAccount account : nonNull(party.associatedAccounts())) {
                    if (account != null) {
                        addAll(emails, account.emails());
                    }
                }
            }
        }
        return emails;
    }

    private static void addAll(Set<String> into, List<Email> emails) {
        for (Email email : nonNull(emails)) {
            if (email != null && email.address() != null) {
                into.add(normalize(email.address()));
            }
        }
    }

    private static String normalize(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static List<String> both(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
