package com.complaintcase.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a problem-details response where no controller is involved (authentication, access filters). */
@Component
public class ProblemResponses {

    private final ObjectMapper json = new ObjectMapper();

    public void write(HttpServletResponse response, HttpStatus status, String code, String title, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.typeOf(code).toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail == null ? title : detail);
        body.put("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] bytes = json.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
