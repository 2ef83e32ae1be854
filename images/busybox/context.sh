#!/usr/bin/env bash
# Fills the build context of bftswarm/busybox with a tiny root file system: /bin/busybox copied
# from this host (it must be statically linked: Debian package busybox-static), a symlink for each
# of its applets at the path busybox itself names (`busybox --list-full`), /tmp, and /etc/passwd.
set -euo pipefail

context="$1"
busybox="${BFTSWARM_BUSYBOX:-/bin/busybox}"
linkage="$(ldd "$busybox" 2>&1 || true)"   # ldd exits 1 for static binaries
if [[ ! -x "$busybox" || ( "$linkage" != *"not a dynamic executable"* && "$linkage" != *"statically linked"* ) ]]; then
  echo "context.sh: $busybox is missing or not statically linked; install busybox-static" >&2
  exit 1
fi

rootfs="$context/rootfs"
mkdir -p "$rootfs/bin" "$rootfs/sbin" "$rootfs/usr/bin" "$rootfs/usr/sbin" "$rootfs/etc" "$rootfs/tmp" "$rootfs/root"
chmod 1777 "$rootfs/tmp"
cp "$busybox" "$rootfs/bin/busybox"
chmod 0755 "$rootfs/bin/busybox"

"$busybox" --list-full | while read -r applet; do
  [[ -n "$applet" && "$applet" != "bin/busybox" ]] || continue
  mkdir -p "$rootfs/$(dirname "$applet")"
  ln -sf /bin/busybox "$rootfs/$applet"
done

printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
