package com.complaintcase.command.complaint;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Matches a refused command by its exception type and its stable {@link RefusalCode}. */
public final class RefusalMatcher extends TypeSafeDiagnosingMatcher<Throwable> {

    private final Class<? extends ComplaintRefused> type;
    private final RefusalCode code;

    private RefusalMatcher(Class<? extends ComplaintRefused> type, RefusalCode code) {
        this.type = type;
        this.code = code;
    }

    public static Matcher<Throwable> refusedWith(Class<? extends ComplaintRefused> type, RefusalCode code) {
        return new RefusalMatcher(type, code);
    }

    @Override
    protected boolean matchesSafely(Throwable actual, Description mismatch) {
        if (!type.isInstance(actual)) {
            mismatch.appendText("was ").appendValue(actual.getClass().getName())
                    .appendText(": ").appendValue(actual.getMessage());
            return false;
        }
        RefusalCode actualCode = ((ComplaintRefused) actual).code();
        if (actualCode != code) {
            mismatch.appendText("was refused with code ").appendValue(actualCode)
                    .appendText(": ").appendValue(actual.getMessage());
            return false;
        }
        return true;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText(type.getSimpleName()).appendText(" with code ").appendValue(code);
    }
}
