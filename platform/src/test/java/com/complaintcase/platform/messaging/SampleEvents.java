package com.complaintcase.platform.messaging;

import com.complaintcase.values.Actor;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Customer;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.Money;
import com.complaintcase.values.RemedyType;
import com.complaintcase.values.RequestedRemedy;
import com.complaintcase.values.Role;
import com.complaintcase.values.SatisfactionScore;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A builder of one instance of any event record, every component filled with a sample of its type: the contract's
 * value types as a real case has them, a text as its component's name (sample-<name>), the first constant of an enum, one element
 * of a list. A new event type, or a new component, needs nothing here unless its type is new to the contract.
 */
final class SampleEvents {

    private static final Instant AT = Instant.parse("2026-11-20T09:15:00Z");
    private static final Map<Class<?>, Function<String, Object>> SAMPLES = Map.ofEntries(
            Map.entry(ComplaintId.class, name -> ComplaintId.of("3f2b8c1e-6d4a-4b7e-9c1a-2e5f8d9b0a11")),
            Map.entry(CustomerId.class, name -> CustomerId.of("C-1001")),
            Map.entry(Customer.class, name -> new Customer(CustomerId.of("C-1001"), "Li Wei", "+86 138 0000 0000",
                    "li.wei@example.com")),
            Map.entry(RequestedRemedy.class, name -> new RequestedRemedy(RemedyType.REFUND, Money.of("120.00", "CNY"))),
            Map.entry(BranchCode.class, name -> BranchCode.of("BR-0101")),
            Map.entry(Money.class, name -> Money.of("50.00", "CNY")),
            Map.entry(SatisfactionScore.class, name -> SatisfactionScore.of(4)),
            Map.entry(Actor.class, name -> new Actor("handler1", Role.HANDLER)),
            Map.entry(String.class, name -> name.equals("zone") ? "UTC" : "sample-" + name),
            Map.entry(Instant.class, name -> AT),
            Map.entry(LocalDate.class, name -> LocalDate.of(2026, 11, 20)),
            Map.entry(LocalTime.class, name -> LocalTime.of(17, 0)),
            Map.entry(Duration.class, name -> Duration.ofHours(48)),
            Map.entry(Period.class, name -> Period.ofYears(5)),
            Map.entry(BigDecimal.class, name -> new BigDecimal("1000.00")),
            Map.entry(int.class, name -> 1), Map.entry(Integer.class, name -> 1),
            Map.entry(long.class, name -> 1L), Map.entry(Long.class, name -> 1L),
            Map.entry(boolean.class, name -> true), Map.entry(Boolean.class, name -> true));

    private SampleEvents() {
    }

    static Object of(Class<?> type) {
        return sample(type, type.getSimpleName());
    }

    private static Object sample(Type type, String name) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return List.of(sample(arguments[0], name));
            }
            if (Set.class.isAssignableFrom(raw)) {
                return Set.of(sample(arguments[0], name));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of(sample(arguments[0], name + "Key"), sample(arguments[1], name));
            }
            throw new IllegalStateException("no sample of " + type + " (" + name + "): add one to " + SampleEvents.class);
        }
        Class<?> raw = (Class<?>) type;
        Function<String, Object> known = SAMPLES.get(raw);
        if (known != null) {
            return known.apply(name);
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw.isRecord()) {
            return record(raw);
        }
        throw new IllegalStateException("no sample of " + type + " (" + name + "): add one to " + SampleEvents.class);
    }

    private static Object record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = sample(components[i].getGenericType(), components[i].getName());
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the sample of " + type.getName() + " is refused by its constructor",
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample of " + type.getName(), e);
        }
    }
}
