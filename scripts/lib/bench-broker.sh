# Sourced by scripts/bench-consumer and scripts/bench-catch-up: the broker they measure against, how to reach it
# from C and from Swift, and how to read its CPU. Sets HOST PORT VHOST USER URL URL_NO_PASSWORD BEAM_PID and
# exports AMQP_PASSWORD; defines broker_ticks, rate and cpu_per_event.
#
# The broker is the one of scripts/broker (FLEETWATCH_BROKER_* variables move it), or FLEETWATCH_BENCH_AMQP_URL.
eval "$(scripts/broker env | sed 's/^/export /')"
URL="${FLEETWATCH_BENCH_AMQP_URL:-$FLEETWATCH_TEST_AMQP_URL}"
# host, port, vhost and user for the C consumer (the password travels in AMQP_PASSWORD, never in argv).
read -r HOST PORT VHOST USER PASS < <(python3 - "$URL" <<'PY'
import sys, urllib.parse as u
p = u.urlsplit(sys.argv[1])
vhost = u.unquote(p.path[1:]) if len(p.path) > 1 else "/"
print(p.hostname, p.port or (5671 if p.scheme == "amqps" else 5672), vhost, u.unquote(p.username or "guest"), u.unquote(p.password or "guest"))
PY
)
export AMQP_PASSWORD="$PASS"
URL_NO_PASSWORD="$(python3 -c 'import sys,urllib.parse as u; p=u.urlsplit(sys.argv[1]); print(p._replace(netloc=(u.quote(p.username or "guest")+"@"+p.netloc.rsplit("@",1)[-1])).geturl())' "$URL")"

# The broker's CPU per event shows which drains hit its slow mode (see Benchmarks/consumer/README.md); it is read
# from /proc when the broker is scripts/broker's node on this machine, and shown as "-" otherwise.
BEAM_PID="$(cat "${FLEETWATCH_BROKER_DIR:-/tmp/fleetwatch-broker}/rabbit.pid" 2>/dev/null || true)"
[ -n "${FLEETWATCH_BENCH_AMQP_URL:-}" ] && BEAM_PID=""
broker_ticks() { if [ -n "$BEAM_PID" ] && [ -r "/proc/$BEAM_PID/stat" ]; then awk '{print $14 + $15}' "/proc/$BEAM_PID/stat"; else echo -; fi; }
rate() { python3 -c "import sys; n,s=float(sys.argv[1]),float(sys.argv[2]); print(int(n/s))" "$1" "$2"; }
cpu_per_event() { python3 -c "import sys; print(round(float(sys.argv[1])*1e6/float(sys.argv[2]),2))" "$1" "$2"; }
# The broker's CPU per event between two broker_ticks readings, or "-".
broker_cpu_per_event() {  # ticks_before ticks_after events
  if [ "$1" != - ] && [ "$2" != - ]; then
    cpu_per_event "$(python3 -c "print(($2 - $1) / $(getconf CLK_TCK))")" "$3"
  else
    echo -
  fi
}
