#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, if any is missing.
# Run by `make test` (through `make deps`); a no-op when everything is present.
set -eu
pkgs=(gcc make python3 python3-cryptography python3-numpy python3-pytest mypy tshark clang libclang-rt-14-dev llvm gcc-arm-none-eabi libnewlib-arm-none-eabi
      qemu-system-arm)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}"
