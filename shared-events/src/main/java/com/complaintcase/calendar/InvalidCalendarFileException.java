package com.complaintcase.calendar;

/**
 * A calendar file that cannot be loaded. The message names the file and the line (1-based), e.g.
 * {@code CN.txt line 12: '2026-02-30' is not a date YYYY-MM-DD}.
 */
public class InvalidCalendarFileException extends IllegalArgumentException {

    private final String file;
    private final int line;

    public InvalidCalendarFileException(String file, int line, String problem) {
        super(file + " line " + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The name the file was loaded under. */
    public String file() {
        return file;
    }

    /** The 1-based number of the offending line. */
    public int line() {
        return line;
    }
}
