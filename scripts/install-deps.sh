#!/usr/bin/env bash
# Installs the Debian packages ScaleLab needs to build, test and run, and
# nothing when they are all present. Uses sudo when not run as root, and
# says what it will install and why before it does, so that `make run`
# never asks for a password out of the blue.
set -euo pipefail

# package|why ScaleLab needs it
needs=(
  "g++|the C++20 compiler"
  "make|the make targets (make run, make test)"
  "cmake|the build system"
  "ninja-build|fast builds (the CMake presets use Ninja)"
  "ccache|reuses compiled objects across builds"
  "pkg-config|finds the libraries below"
  "qt6-base-dev|Qt 6 Widgets: the editor's window"
  "qt6-svg-dev|Qt 6 SVG: the block icons"
  "libgl-dev|OpenGL headers Qt 6 builds against"
  "libqcustomplot-dev|QCustomPlot: the live plots"
  "libqcustomplot2.1-qt6|QCustomPlot built for Qt 6"
  "nlohmann-json3-dev|reading and writing .scalelab files"
  "fonts-dejavu-core|a font for PDF reports and screenshots"
  "libgraphviz-dev|automatic layout of designs on the canvas"
  "xvfb|a virtual display for the UI tests"
  "xdotool|drives the window in the UI tests"
  "clang|the sanitizer build in make test (float-cast-overflow) and make fuzz"
  "libclang-rt-14-dev|clang's AddressSanitizer and libFuzzer runtimes"
  "parallel|GNU parallel: runs a planned sweep's jobs in the tests (scalelab sweep --plan)"
)

missing=()
reasons=()
for entry in "${needs[@]}"; do
  package=${entry%%|*}
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
    reasons+=("${entry#*|}")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi

echo "ScaleLab needs ${#missing[@]} Debian package(s) that are not installed yet:"
for i in "${!missing[@]}"; do
  printf '  %-24s %s\n' "${missing[$i]}" "${reasons[$i]}"
done
echo "Installing them with: ${sudo_cmd[*]:+${sudo_cmd[*]} }apt-get update && ${sudo_cmd[*]:+${sudo_cmd[*]} }apt-get install ${missing[*]}"
if [ ${#sudo_cmd[@]} -gt 0 ]; then
  echo "(sudo may ask for your password; press Ctrl+C to stop and install them yourself.)"
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
