#!/usr/bin/env bash
# Runs a real-window test on a private Xvfb display: once at a device pixel
# ratio of 1 and, for the test functions named after the binary, again at 2
# (QT_SCALE_FACTOR), on a screen large enough for a 1920x1080 window at 2x.
# Exits 77 (ctest: skipped) with the reason when Xvfb or xdotool is missing.
set -u
test_binary="$1"
shift # the rest: test functions to run again at a device pixel ratio of 2

for tool in Xvfb xdotool; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIPPED: the real-window test needs $tool (scripts/install-deps.sh installs xvfb and xdotool)"
    exit 77
  fi
done

# -displayfd picks a free display number and writes it to fd 3 once the
# server accepts connections, so there is no fixed number to collide on and
# no sleep to guess the start-up time. -noreset: by default the server resets
# when its last client leaves (a test that kills the app and starts it again
# does exactly that), and a client connecting during the reset is refused.
display_file=$(mktemp)
Xvfb -displayfd 3 -screen 0 3840x2160x24 -nolisten tcp -noreset 3>"$display_file" 2>/dev/null &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null; rm -f "$display_file"' EXIT
for _ in $(seq 1 100); do
  [ -s "$display_file" ] && break
  if ! kill -0 $xvfb_pid 2>/dev/null; then
    echo "Xvfb failed to start"
    exit 1
  fi
  sleep 0.1
done
if [ ! -s "$display_file" ]; then
  echo "Xvfb did not report a display within 10 s"
  exit 1
fi
export DISPLAY=":$(head -n1 "$display_file")"
export QT_QPA_PLATFORM=xcb
unset QT_SCALE_FACTOR

status=0
echo "== device pixel ratio 1 on $DISPLAY"
"$test_binary" || status=1
if [ $# -gt 0 ]; then
  echo "== device pixel ratio 2 on $DISPLAY: $*"
  QT_SCALE_FACTOR=2 "$test_binary" "$@" || status=1
fi
exit $status
