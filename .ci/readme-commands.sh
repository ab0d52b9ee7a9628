#!/usr/bin/env bash
# Runs the README's commands as a new user would, taking each from the README itself (the README stays the one
# source; nothing here repeats a command):
#
#   .ci/readme-commands.sh test   the ```bash block under "## Test it", in the checkout
#   .ci/readme-commands.sh run    the ```bash block under "## Run it (standalone)" on a fresh copy of the checkout
#                                 (its tracked and unignored files: no target/, no data/), waits until the API
#                                 answers, runs the block under "## Walk-through: one complaint from registration
#                                 to closure" against it (under set -euo pipefail, in a scratch directory), stops it
#   .ci/readme-commands.sh show   prints the three blocks as they are extracted
#
# The walk-through calls verifier/target/complaint-case-verifier.jar: the checkout's, as the test command (or
# ./mvnw package) left it. Any failure names the README command and ends with the application's log tail.
# README_RUN_TIMEOUT: seconds the run command has to build, start and answer (default 300).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
readme="$root/README.md"
RUN_HEADING='Run it (standalone)'
TEST_HEADING='Test it'
WALK_HEADING='Walk-through: one complaint from registration to closure'
API_CHECK_URL='http://localhost:8080/api/cases/open'
API_CHECK_USER='analyst1:demo'
timeout_s="${README_RUN_TIMEOUT:-300}"

fail() {
    echo "readme-commands: $*" >&2
    exit 1
}

# The first ```bash block under the heading "## <heading>" (before the next "## " heading).
block() {
    local text
    text="$(awk -v heading="## $1" '
        $0 == heading { inside = 1; next }
        inside && /^## / { exit }
        inside && !open && /^```bash[[:space:]]*$/ { open = 1; next }
        open && /^```/ { exit }
        open { print }
    ' "$readme")"
    [[ -n "${text//[[:space:]]/}" ]] || fail "README.md has no \`\`\`bash block under the heading \`## $1\`"
    printf '%s\n' "$text"
}

# The block's one command (comments and blank lines aside); the README shows one command there.
one_command() {
    local commands
    commands="$(printf '%s\n' "$1" | grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' || true)"
    [[ "$(printf '%s\n' "$commands" | wc -l)" -eq 1 ]] \
        || fail "the block under \`## $2\` should hold one command, it holds: $commands"
    printf '%s' "$commands"
}

elapsed() {
    echo $(( $(date +%s) - $1 ))
}

run_test_command() {
    local command started rc=0
    command="$(one_command "$(block "$TEST_HEADING")" "$TEST_HEADING")"
    echo "readme-commands: README test command \`$command\`"
    started=$(date +%s)
    (cd "$root" && bash -euo pipefail -c "$command") || rc=$?
    [[ $rc -eq 0 ]] || fail "README test command \`$command\` exited with $rc (after $(elapsed "$started") s)"
    echo "readme-commands: README test command \`$command\` passed in $(elapsed "$started") s"
}

scratch=""
app_group=""
app_log=""
run_command=""

stop_app() {
    [[ -n "$app_group" ]] || return 0
    local group="$app_group" waited=0
    app_group=""
    kill -TERM -- "-$group" 2>/dev/null || return 0
    while kill -0 -- "-$group" 2>/dev/null && (( waited < 60 )); do
        sleep 1
        waited=$((waited + 1))
    done
    if kill -0 -- "-$group" 2>/dev/null; then
        echo "readme-commands: the application did not stop within 60 s of SIGTERM; killing it" >&2
        kill -KILL -- "-$group" 2>/dev/null || true
    fi
    wait "$group" 2>/dev/null || true
}

log_tail() {
    if [[ -n "$app_log" && -s "$app_log" ]]; then
        echo "----- last 80 lines of the application's log ($run_command) -----" >&2
        tail -n 80 "$app_log" >&2
        echo "-----" >&2
    fi
}

cleanup() {
    local rc=$?
    if [[ $rc -ne 0 ]]; then
        log_tail
    fi
    stop_app
    if [[ -n "$scratch" ]]; then
        rm -rf "$scratch"
    fi
    exit "$rc"
}

# The checkout as a fresh clone holds it: tracked and unignored files, as they are in the working tree.
fresh_copy() {
    local target="$1"
    if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        (cd "$root" && git ls-files -z --cached --others --exclude-standard \
            | while IFS= read -r -d '' file; do [[ -e "$file" ]] && printf '%s\0' "$file"; done \
            | tar --null -T - -cf -) | tar -C "$target" -xf -
    else
        (cd "$root" && tar --exclude=./data --exclude='*/target' --exclude=./target -cf - .) | tar -C "$target" -xf -
    fi
}

port_in_use() {
    (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null
}

run_walk_through() {
    local walk_block="$1" workdir="$scratch/walk-through" failed_at="$scratch/walk-through.failed" rc=0 line
    local verifier="$root/verifier/target/complaint-case-verifier.jar"
    [[ -f "$verifier" ]] || fail "the README walk-through calls verifier/target/complaint-case-verifier.jar, which" \
        "the checkout does not hold: run the README's test command (or ./mvnw -B -q package -DskipTests) first"
    mkdir -p "$workdir/verifier/target"
    ln -s "$verifier" "$workdir/verifier/target/complaint-case-verifier.jar"
    # the failing step's line in the block, for the message: bash counts this prelude as line 1; inside the helper
    # function B the line is its caller's
    local prelude='set -eEuo pipefail; trap '\''echo $(( ${#FUNCNAME[@]} > 0 ? BASH_LINENO[0] - 1 : LINENO - 1 )) > "$WALK_FAILED_AT"'\'' ERR'
    echo "readme-commands: README walk-through (\`## $WALK_HEADING\`)"
    (cd "$workdir" && WALK_FAILED_AT="$failed_at" bash -c "$prelude"$'\n'"$walk_block") \
        > "$scratch/walk-through.log" 2>&1 || rc=$?
    if [[ $rc -ne 0 ]]; then
        echo "----- last 30 lines of the walk-through's output -----" >&2
        tail -n 30 "$scratch/walk-through.log" >&2
        echo >&2
        line="$(head -n 1 "$failed_at" 2>/dev/null || true)"
        if [[ -n "$line" ]]; then
            fail "README walk-through step failed (exit $rc) at line $line of its block:" \
                "\`$(printf '%s\n' "$walk_block" | sed -n "${line}p")\`"
        fi
        fail "README walk-through exited with $rc"
    fi
    # files it wrote stay in the scratch directory (case.json), never in the checkout
    echo "readme-commands: README walk-through passed ($(grep -c . "$scratch/walk-through.log") lines of output)"
    grep -m 1 ': VALID' "$scratch/walk-through.log" || true
}

run_run_command() {
    local walk_block started code="" answered=""
    run_command="$(one_command "$(block "$RUN_HEADING")" "$RUN_HEADING")"
    walk_block="$(block "$WALK_HEADING")"
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    scratch="$(mktemp -d "${TMPDIR:-/tmp}/readme-commands.XXXXXX")"
    mkdir "$scratch/clone"
    fresh_copy "$scratch/clone"
    if port_in_use; then
        fail "port 8080 is in use before the README run command \`$run_command\` started: stop what listens there"
    fi
    app_log="$scratch/application.log"
    echo "readme-commands: README run command \`$run_command\` on a fresh copy ($scratch/clone)"
    started=$(date +%s)
    # in its own process group, to stop Maven and the application it forks together; this script runs without job
    # control, so setsid does not fork and $! is the group's leader
    (cd "$scratch/clone" && exec setsid bash -c "$run_command") < /dev/null > "$app_log" 2>&1 &
    app_group=$!
    while (( $(elapsed "$started") < timeout_s )); do
        if ! kill -0 "$app_group" 2>/dev/null; then
            local rc=0
            wait "$app_group" || rc=$?
            app_group=""
            fail "README run command \`$run_command\` exited with $rc before the API answered" \
                "(after $(elapsed "$started") s)"
        fi
        code="$(curl -s -o /dev/null -w '%{http_code}' -u "$API_CHECK_USER" "$API_CHECK_URL" || true)"
        if [[ "$code" == 200 ]]; then
            answered=yes
            break
        fi
        sleep 2
    done
    [[ -n "$answered" ]] || fail "README run command \`$run_command\`: GET $API_CHECK_URL did not answer 200 within" \
        "$timeout_s s (last answer: ${code:-none})"
    echo "readme-commands: README run command \`$run_command\`: the API answered 200 after $(elapsed "$started") s"
    grep -A 5 'Complaint case platform (standalone) is ready:' "$app_log" || true
    run_walk_through "$walk_block"
    started=$(date +%s)
    stop_app
    echo "readme-commands: the application stopped in $(elapsed "$started") s"
}

case "${1:-}" in
    test) run_test_command ;;
    run) run_run_command ;;
    show)
        printf '## %s\n%s\n## %s\n%s\n## %s\n%s\n' "$TEST_HEADING" "$(block "$TEST_HEADING")" \
            "$RUN_HEADING" "$(block "$RUN_HEADING")" "$WALK_HEADING" "$(block "$WALK_HEADING")"
        ;;
    *) fail "usage: $0 test|run|show" ;;
esac
