package com.complaintcase.workload;

import com.complaintcase.values.BranchCode;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Customer;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.Money;
import com.complaintcase.values.RemedyType;
import com.complaintcase.values.RequestedRemedy;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;
import com.complaintcase.values.Validity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A deterministic stream of complaints with the domain brief's mix (sections 2, 3, 4, 5 and 7): root issues
 * service attitude 40%, product information 30%, technical 20%, fees 10%, each with the subcategories of the
 * casebook that belong to it; channels led by the hotline and the branches, with a few from outside; branches
 * of very different sizes; about 8% repeat complaints of an earlier customer about the same matter; now and then
 * an incident (an outage at one branch or channel) bringing three to six customers with the same technical complaint; and
 * lives in which most cases are resolved and closed, some withdrawn, escalated or still open, and the customers
 * who answer the survey are satisfied about 65% of the time (the programme's baseline).
 * <p>
 * The same seed gives the same cases in the same order; nothing here reads a clock.
 */
public final class Workload {

    /** Branches of the bank; their sizes fall off like a Zipf distribution (a few large city branches). */
    public static final int BRANCHES = 120;
    static final double REPEAT_SHARE = 0.08;
    /** The chance that a technical complaint is the first of an incident's. */
    static final double INCIDENT_START = 0.06;
    static final double LATE_ENTRY_SHARE = 0.02;

    private static final String[] FAMILY_NAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu",
            "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo"};
    private static final String[] GIVEN_NAMES = {"Wei", "Fang", "Na", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang",
            "Yong", "Yan", "Jie", "Tao", "Ming", "Chao", "Xiu", "Xia", "Ping", "Gang", "Hui", "Hong", "Bo", "Dan"};

    private static final Weighted<RootIssue> ROOT_ISSUES = new Weighted<RootIssue>()
            .add(RootIssue.SERVICE_ATTITUDE, 40).add(RootIssue.PRODUCT_INFORMATION, 30)
            .add(RootIssue.TECHNICAL, 20).add(RootIssue.FEES, 10);
    private static final Map<RootIssue, Weighted<Subcategory>> SUBCATEGORIES = new EnumMap<>(RootIssue.class);
    private static final Weighted<Channel> CHANNELS = new Weighted<Channel>()
            .add(Channel.PHONE, 37).add(Channel.VISIT, 20).add(Channel.MOBILE_APP, 12).add(Channel.ONLINE, 10)
            .add(Channel.EMAIL, 6).add(Channel.LETTER, 4).add(Channel.FAX, 1).add(Channel.OTHER, 2)
            .add(Channel.REGULATOR, 4).add(Channel.CONSUMER_ASSOCIATION, 2).add(Channel.INDUSTRY_ASSOCIATION, 1)
            .add(Channel.MEDIA, 1);
    private static final Weighted<RemedyType> REMEDIES = new Weighted<RemedyType>()
            .add(RemedyType.EXPLANATION, 40).add(RemedyType.APOLOGY, 25).add(RemedyType.REFUND, 20)
            .add(RemedyType.COMPENSATION, 10).add(RemedyType.OTHER, 5);
    private static final Weighted<Life.Ending> ENDINGS = new Weighted<Life.Ending>()
            .add(Life.Ending.CLOSED, 70).add(Life.Ending.RESOLVED, 6).add(Life.Ending.OPEN_IN_PROGRESS, 6)
            .add(Life.Ending.OPEN_ASSIGNED, 3).add(Life.Ending.OPEN_REGISTERED, 3)
            .add(Life.Ending.WITHDRAWN, 6).add(Life.Ending.NOT_A_COMPLAINT, 6);
    /** 35% fives and 30% fours: 65% satisfied. */
    private static final Weighted<Integer> SCORES = new Weighted<Integer>()
            .add(5, 35).add(4, 30).add(3, 15).add(2, 12).add(1, 8);
    private static final Weighted<Integer> BRANCH_SIZES = branchSizes();

    static {
        SUBCATEGORIES.put(RootIssue.SERVICE_ATTITUDE, new Weighted<Subcategory>()
                .add(Subcategory.POOR_ATTITUDE, 35).add(Subcategory.UNFAMILIAR_WITH_BUSINESS, 25)
                .add(Subcategory.POOR_COMMUNICATION, 15).add(Subcategory.INSUFFICIENT_STAFFING, 12)
                .add(Subcategory.ELDERLY_OR_DISABLED, 8).add(Subcategory.VIP_OR_PRIVILEGED, 3)
                .add(Subcategory.ETHNIC_MINORITY, 1).add(Subcategory.MENTAL_HEALTH, 1));
        SUBCATEGORIES.put(RootIssue.PRODUCT_INFORMATION, new Weighted<Subcategory>()
                .add(Subcategory.THIRD_PARTY_MIS_SELLING, 30).add(Subcategory.PROMISE_NOT_HONOURED, 25)
                .add(Subcategory.SYSTEM_ERROR, 15).add(Subcategory.OPERATION_ERROR, 15)
                .add(Subcategory.CASH_WITHDRAWAL_LIMIT, 10).add(Subcategory.OTHER_RULE, 5));
        SUBCATEGORIES.put(RootIssue.TECHNICAL, new Weighted<Subcategory>()
                .add(Subcategory.MOBILE_BANKING, 35).add(Subcategory.ATM_OR_SELF_SERVICE, 25)
                .add(Subcategory.ONLINE_BANKING, 20).add(Subcategory.SMS_NOTIFICATION, 15)
                .add(Subcategory.BRANCH_ENVIRONMENT, 5));
        SUBCATEGORIES.put(RootIssue.FEES, new Weighted<Subcategory>()
                .add(Subcategory.WRONG_FEE, 60).add(Subcategory.SERVICE_CHARGE, 40));
    }

    private final long seed;
    private final Random random;
    private final List<CaseScript> recent = new ArrayList<>();
    private int index;
    private int customers;
    private int incidents;
    private Incident incident;

    private record Incident(String code, BranchCode branch, Subcategory subcategory, int remaining) {
        Incident next() {
            return new Incident(code, branch, subcategory, remaining - 1);
        }
    }

    public Workload(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The next complaint of the stream. */
    public CaseScript next() {
        CaseScript script;
        if (!recent.isEmpty() && random.nextDouble() < REPEAT_SHARE) {
            script = repeatComplaint(recent.get(random.nextInt(recent.size())));
        } else {
            RootIssue rootIssue = ROOT_ISSUES.draw(random);
            if (rootIssue == RootIssue.TECHNICAL && incident == null && random.nextDouble() < INCIDENT_START) {
                Subcategory outage = List.of(Subcategory.ATM_OR_SELF_SERVICE, Subcategory.MOBILE_BANKING,
                        Subcategory.ONLINE_BANKING).get(random.nextInt(3));
                incident = new Incident(String.format(Locale.ROOT, "INC-%d-%04d", seed, ++incidents), branch(), outage,
                        3 + random.nextInt(4));
            }
            if (rootIssue == RootIssue.TECHNICAL && incident != null) {
                script = incidentComplaint();
                incident = incident.remaining() > 1 ? incident.next() : null;
            } else {
                Subcategory subcategory = SUBCATEGORIES.get(rootIssue).draw(random);
                script = complaint(rootIssue, subcategory, branch(), newCustomer(), CHANNELS.draw(random), null, -1);
            }
        }
        recent.add(script);
        if (recent.size() > 500) {
            recent.remove(0);
        }
        index++;
        return script;
    }

    private CaseScript incidentComplaint() {
        return complaint(RootIssue.TECHNICAL, incident.subcategory(), incident.branch(), newCustomer(),
                random.nextBoolean() ? Channel.PHONE : Channel.VISIT, incident.code(), -1);
    }

    private CaseScript repeatComplaint(CaseScript earlier) {
        return complaint(earlier.rootIssue(), earlier.subcategory(), earlier.branchCode(), earlier.customer(),
                CHANNELS.draw(random), null, earlier.index());
    }

    private CaseScript complaint(RootIssue rootIssue, Subcategory subcategory, BranchCode branch, Customer customer,
                                 Channel channel, String incidentCode, int repeatOf) {
        boolean late = random.nextDouble() < LATE_ENTRY_SHARE;
        Duration receivedBefore = late
                ? Duration.ofDays(16).plusMinutes(random.nextInt(9 * 24 * 60))
                : Duration.ofMinutes(5 + random.nextInt(20 * 60));
        RemedyType remedyType = REMEDIES.draw(random);
        Money asked = remedyType.involvesMoney() ? cny(remedyType == RemedyType.COMPENSATION
                ? 100 + random.nextInt(4900) : 20 + random.nextInt(1980)) : null;
        ComplaintFlags flags = new ComplaintFlags(random.nextDouble() < 0.01,
                subcategory.category() == com.complaintcase.values.Category.SPECIAL_GROUPS,
                random.nextDouble() < 0.02, incidentCode);
        return new CaseScript(index, complaintId(index), receivedBefore, channel, branch, customer,
                subcategory.category(), subcategory, rootIssue,
                describe(subcategory, incidentCode), new RequestedRemedy(remedyType, asked), flags,
                late ? "Letter forwarded from another branch, registered on arrival" : null,
                repeatOf, life(asked));
    }

    private Life life(Money asked) {
        Life.Ending ending = ENDINGS.draw(random);
        String handler = random.nextBoolean() ? "handler1" : "handler2";
        int evidence = random.nextInt(3);
        boolean valid = random.nextDouble() < 0.6;
        Validity validity = valid ? Validity.VALID : Validity.SPECIAL;
        Responsibility responsibility = !valid ? Responsibility.NOT_LIABLE
                : random.nextDouble() < 0.7 ? Responsibility.LIABLE : Responsibility.SHARED;
        Money compensation = valid && asked != null ? asked : valid && random.nextDouble() < 0.15 ? cny(50 + random.nextInt(450)) : null;
        boolean approved = random.nextDouble() < 0.9;
        boolean firstRejected = random.nextDouble() < 0.1;
        EscalationReason escalation = random.nextDouble() < 0.05
                ? (random.nextBoolean() ? EscalationReason.CUSTOMER_REQUEST : EscalationReason.BEYOND_AUTHORITY) : null;
        int score = ending.reachesResolution() && random.nextDouble() < 0.85 ? SCORES.draw(random) : 0;
        return new Life(ending, handler, evidence, validity, responsibility, compensation, approved, firstRejected,
                escalation, score);
    }

    private BranchCode branch() {
        return new BranchCode(String.format(Locale.ROOT, "BR-%04d", BRANCH_SIZES.draw(random)));
    }

    private Customer newCustomer() {
        int number = ++customers;
        String name = FAMILY_NAMES[random.nextInt(FAMILY_NAMES.length)] + " " + GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
        return new Customer(new CustomerId(String.format(Locale.ROOT, "C-%d-%07d", seed, number)), name,
                String.format(Locale.ROOT, "+86 1%02d %04d %04d", 30 + random.nextInt(60), random.nextInt(10_000), random.nextInt(10_000)),
                String.format(Locale.ROOT, "customer%d.%d@example.com", number, seed));
    }

    private ComplaintId complaintId(int number) {
        return new ComplaintId(UUID.nameUUIDFromBytes(("workload:" + seed + ":" + number)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    private static String describe(Subcategory subcategory, String incidentCode) {
        String what = subcategory.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return incidentCode == null ? "Customer complains about " + what
                : "Customer affected by incident " + incidentCode + ": " + what;
    }

    private static Money cny(int amount) {
        return new Money(BigDecimal.valueOf(amount).setScale(2), "CNY");
    }

    private static Weighted<Integer> branchSizes() {
        Weighted<Integer> sizes = new Weighted<>();
        for (int rank = 1; rank <= BRANCHES; rank++) {
            sizes.add(rank, 1 / Math.pow(rank, 0.8));
        }
        return sizes;
    }
}
