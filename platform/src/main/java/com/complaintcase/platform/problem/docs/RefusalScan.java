package com.complaintcase.platform.problem.docs;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The refusals the code behind an endpoint can give, read from its bytecode: every method it can reach in this
 * project's packages (calls, lambdas and method references, and the handlers of the commands it creates) is read for
 * a status next to a code ({@code HttpStatus.NOT_FOUND, "COMPLAINT_NOT_FOUND"}, or {@code new StateConflict(
 * RefusalCode.COMPLAINT_CLOSED, ...)}), and for exceptions it creates that an exception handler answers with a code.
 * A new refusal written the same way is documented without any edit here or on the endpoint.
 */
public final class RefusalScan {

    /** How many instructions a code may follow its status and still be read as its pair. */
    private static final int PAIR_DISTANCE = 3;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    private static final String HTTP_STATUS = Type.getInternalName(HttpStatus.class);
    private static final Set<String> TOO_GENERAL = Set.of("java/lang/Throwable", "java/lang/Exception",
            "java/lang/RuntimeException", "java/lang/Error");

    private final String followPrefix;
    private final ClassLoader classLoader;
    private final Map<String, Integer> refusalTypes = new HashMap<>();
    private final Set<String> codeEnums = new HashSet<>();
    private final Map<String, List<String>> handlers = new HashMap<>();
    private final Map<String, Set<DocumentedRefusal>> calls = new HashMap<>();
    private final Set<String> carriers = new HashSet<>();
    private final Map<String, Set<String>> thrownTypeHandlers = new HashMap<>();
    private final Map<String, ClassFacts> classes = new ConcurrentHashMap<>();

    public RefusalScan(String followPackage, ClassLoader classLoader, List<RefusalRules> rules) {
        this.followPrefix = followPackage.replace('.', '/') + "/";
        this.classLoader = classLoader;
        for (RefusalRules rule : rules) {
            rule.refusalTypes().forEach((type, status) -> refusalTypes.put(Type.getInternalName(type), status));
            rule.carriers().forEach(type -> carriers.add(Type.getInternalName(type)));
            rule.codeEnums().forEach(type -> codeEnums.add(Type.getInternalName(type)));
            rule.handlersOf().forEach((message, methods) -> methods.forEach(method ->
                    handlers.computeIfAbsent(Type.getInternalName(message), key -> new java.util.ArrayList<>()).add(key(method))));
            rule.refusalsOfCalls().forEach((call, refusals) ->
                    calls.computeIfAbsent(internalCall(call), key -> new HashSet<>()).addAll(refusals));
        }
    }

    /** Exceptions answered by {@code handler} (an exception handler method): creating one gives the handler's refusals. */
    public void answeredBy(Class<? extends Throwable> exception, Method handler) {
        String type = Type.getInternalName(exception);
        if (!TOO_GENERAL.contains(type)) {
            thrownTypeHandlers.computeIfAbsent(type, key -> new LinkedHashSet<>()).add(key(handler));
        }
    }

    /** The refusals (4xx and 5xx) the method can give, directly or through what it reaches. */
    public Set<DocumentedRefusal> of(Method method) {
        Set<DocumentedRefusal> found = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(key(method));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (!seen.add(next)) {
                continue;
            }
            MethodFacts facts = resolve(next);
            if (facts == null) {
                continue;
            }
            found.addAll(facts.refusals);
            for (String callee : facts.callees) {
                found.addAll(calls.getOrDefault(callee.substring(0, callee.indexOf('(')), Set.of()));
                found.addAll(calls.getOrDefault(callee.substring(0, callee.indexOf(')') + 1), Set.of()));
                if (callee.startsWith(followPrefix) && !carriers.contains(callee.substring(0, callee.indexOf('.')))) {
                    todo.push(callee);
                }
            }
            for (String created : facts.created) {
                todo.addAll(handlers.getOrDefault(created, List.of()));
                todo.addAll(handlersOfThrown(created));
            }
        }
        found.removeIf(refusal -> refusal.status() < 400);
        return found;
    }

    private Set<String> handlersOfThrown(String type) {
        for (String current = type; current != null && !TOO_GENERAL.contains(current); current = superOf(current)) {
            Set<String> answering = thrownTypeHandlers.get(current);
            if (answering != null) {
                return answering;
            }
        }
        return Set.of();
    }

    private String superOf(String type) {
        ClassFacts facts = facts(type);
        return facts == null ? null : facts.superName;
    }

    /** The method as declared by its owner or the nearest superclass that declares it. */
    private MethodFacts resolve(String methodKey) {
        int dot = methodKey.indexOf('.');
        String owner = methodKey.substring(0, dot);
        String nameAndDescriptor = methodKey.substring(dot + 1);
        for (String type = owner; type != null; ) {
            ClassFacts facts = facts(type);
            if (facts == null) {
                return null;
            }
            MethodFacts method = facts.methods.get(nameAndDescriptor);
            if (method != null) {
                return method;
            }
            type = facts.superName;
        }
        return null;
    }

    private ClassFacts facts(String type) {
        ClassFacts known = classes.get(type);
        if (known != null) {
            return known.methods == null ? null : known;
        }
        ClassFacts read = read(type);
        classes.put(type, read);
        return read.methods == null ? null : read;
    }

    private ClassFacts read(String type) {
        try (InputStream in = classLoader.getResourceAsStream(type + ".class")) {
            if (in == null) {
                return new ClassFacts(null, null);
            }
            ClassReader reader = new ClassReader(in);
            Map<String, MethodFacts> methods = new HashMap<>();
            boolean followed = type.startsWith(followPrefix);
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    MethodFacts facts = new MethodFacts();
                    methods.put(name + descriptor, facts);
                    return followed ? new Reader(facts) : null;
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return new ClassFacts(reader.getSuperName(), methods);
        } catch (IOException | RuntimeException e) {
            return new ClassFacts(null, null);
        }
    }

    /** {@code a.b.Owner.name} as {@code a/b/Owner.name}, as a call names it. */
    private static String internalCall(String call) {
        int name = call.lastIndexOf('.');
        return call.substring(0, name).replace('.', '/') + call.substring(name);
    }

    private static String key(Method method) {
        return Type.getInternalName(method.getDeclaringClass()) + "." + method.getName() + Type.getMethodDescriptor(method);
    }

    private record ClassFacts(String superName, Map<String, MethodFacts> methods) {
    }

    private static final class MethodFacts {
        final Set<DocumentedRefusal> refusals = new HashSet<>();
        final Set<String> callees = new LinkedHashSet<>();
        final Set<String> created = new LinkedHashSet<>();
    }

    /** Reads one method: the status last seen, and a code seen within a few instructions of it. */
    private final class Reader extends MethodVisitor {
        private final MethodFacts facts;
        private int instruction;
        private int status = -1;
        private int statusAt = Integer.MIN_VALUE;

        Reader(MethodFacts facts) {
            super(Opcodes.ASM9);
            this.facts = facts;
        }

        private void status(int value) {
            status = value;
            statusAt = instruction;
        }

        private void code(String code) {
            if (status > 0 && instruction - statusAt <= PAIR_DISTANCE && CODE.matcher(code).matches()) {
                facts.refusals.add(new DocumentedRefusal(status, code));
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            instruction++;
            if (opcode != Opcodes.GETSTATIC) {
                return;
            }
            if (owner.equals(HTTP_STATUS)) {
                try {
                    status(HttpStatus.valueOf(name).value());
                } catch (IllegalArgumentException notAStatus) {
                    // a field of HttpStatus that is no status
                }
            } else if (codeEnums.contains(owner)) {
                code(name);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            instruction++;
            if (value instanceof String text) {
                code(text);
            }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            instruction++;
            if (opcode == Opcodes.NEW) {
                facts.created.add(type);
                Integer refusalStatus = refusalTypes.get(type);
                if (refusalStatus != null) {
                    status(refusalStatus);
                }
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            instruction++;
            if (!owner.startsWith("[")) {
                facts.callees.add(owner + "." + name + descriptor);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            instruction++;
            for (Object argument : arguments) {
                if (argument instanceof Handle handle && handle.getTag() >= Opcodes.H_INVOKEVIRTUAL) {
                    facts.callees.add(handle.getOwner() + "." + handle.getName() + handle.getDesc());
                }
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode != Opcodes.DUP) {
                instruction++;
            }
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            instruction++;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            instruction++;
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            instruction++;
            status = -1;
        }
    }
}
