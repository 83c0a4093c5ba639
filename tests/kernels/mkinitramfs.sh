#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mkinitramfs.sh ROOT KVER SOCKEYE SRCDIR OUT: the guest's initramfs (gzip'd newc cpio): static
# busybox, bash, iproute2 and jq with their shared libraries, the sockeye binary with its own,
# the kernel modules the tests load (with what they depend on), the netns test helpers, the
# guest tests and /init.
set -euo pipefail

root=$1 kver=$2 sockeye=$3 srcdir=$4 out=$5
# Modules the guest tests need; their dependencies come from modinfo.
MODULES=(veth nf_tables inet_diag tcp_diag udp_diag raw_diag unix_diag af_packet_diag netlink_diag)
# Host programs copied with their libraries (busybox provides the rest).
PROGRAMS=(bash ip ss jq ethtool nft)

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,lib,lib64,proc,sys,dev,run,tmp,etc,root,src}
mkdir -p "$stage/var"
ln -s ../run "$stage/var/run"

# copy_elf FILE DEST: FILE and the shared libraries ldd names, each at its own path.
copy_elf()
{
	local lib

	install -D -m 755 "$1" "$stage$2"
	for lib in $(ldd "$1" 2>/dev/null | grep -o '/[^ ]*'); do
		[[ -e $stage$lib ]] || install -D -m 755 "$(readlink -f "$lib")" "$stage$lib"
	done
}

install -m 755 "$(command -v busybox)" "$stage/bin/busybox"
for p in "${PROGRAMS[@]}"; do
	copy_elf "$(command -v "$p")" "/usr/bin/$p"
done
copy_elf "$sockeye" /usr/bin/sockeye
# Applets as links, where no real program of that name was copied.
for a in $("$stage/bin/busybox" --list); do
	[[ -e $stage/usr/bin/$a || -e $stage/bin/$a ]] || ln -s busybox "$stage/bin/$a"
done

# Modules in load order: each after its dependencies.
mods=$root/lib/modules/$kver
order=()
add_module()
{
	local name=$1 ko dep

	for dep in "${order[@]}"; do
		[[ $(basename "$dep" .ko) == "$name" ]] && return 0
	done
	ko=$(find "$mods/kernel" -name "$name.ko" -print -quit)
	[[ -n $ko ]] || { echo "mkinitramfs: no module $name in $mods" >&2; return 1; }
	for dep in $(modinfo -F depends "$ko" | tr , ' '); do
		add_module "$dep"
	done
	order+=("$ko")
}
for m in "${MODULES[@]}"; do
	add_module "$m"
done
mkdir -p "$stage/lib/modules/$kver"
for ko in "${order[@]}"; do
	install -m 644 "$ko" "$stage/lib/modules/$kver/"
	basename "$ko" >>"$stage/lib/modules/$kver/load.order"
done

# The tests: the netns helpers (unchanged) and the guest scripts.
mkdir -p "$stage/src/tests/netns" "$stage/src/tests/kernels"
cp "$srcdir/tests/netns/lib.sh" "$srcdir/tests/netns/bpf_lib.sh" "$stage/src/tests/netns/"
cp -r "$srcdir/tests/kernels/guest" "$stage/src/tests/kernels/"
install -m 755 "$srcdir/tests/kernels/init" "$stage/init"
echo 'root:x:0:0:root:/root:/bin/sh' >"$stage/etc/passwd"
echo 'root:x:0:' >"$stage/etc/group"

(cd "$stage" && find . | "$stage/bin/busybox" cpio -o -H newc 2>/dev/null) | gzip -1 >"$out"
echo "mkinitramfs: $(du -h "$out" | cut -f1) with modules: $(cd "$stage/lib/modules/$kver" && tr '\n' ' ' <load.order)"
