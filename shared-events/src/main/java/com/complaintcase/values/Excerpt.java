package com.complaintcase.values;

/**
 * What an answer may repeat of a value a client sent: at most {@link #MAX_CHARACTERS} characters of it, with control
 * characters and unpaired surrogates written as escapes (a backslash, {@code u} and four hex digits), so that a
 * refusal stays short and printable whatever was sent.
 */
public final class Excerpt {

    public static final int MAX_CHARACTERS = 64;

    private Excerpt() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder excerpt = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < text.length() && shown < MAX_CHARACTERS; i++, shown++) {
            char c = text.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairedSurrogate) {
                excerpt.append(c).append(text.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                excerpt.append(String.format("\\u%04X", (int) c));
            } else {
                excerpt.append(c);
            }
        }
        int rest = text.codePointCount(0, text.length()) - shown;
        return rest > 0 ? excerpt + "... (" + rest + " more characters)" : excerpt.toString();
    }
}
