#!/usr/bin/env bash
# Unpacks Debian 13 (trixie)'s python3-oslo.messaging 16.1.0 - and python3-oslo.context, which 16.1 requires
# at >= 5.3.0 while Debian 12 ships 5.0.0 - into a folder of their own, for the second live Python peer of the
# interop tests. Nothing is installed: the system's 14.0.3 stays as it is; the peers put the folder first on
# PYTHONPATH and use /usr/bin/python3 with Debian 12's other packages.
#
# Idempotent: does nothing when the folder already holds 16.1.x. The Debian mirror comes from this machine's
# apt configuration; the archive index is checked with gpgv against Debian's keyring when its InRelease and
# Packages agree, and every .deb against the SHA256 its index gives.
#
# Folder: $OSLO4J_OSLO16_DIR, default ${XDG_CACHE_HOME:-$HOME/.cache}/oslo4j/oslo.messaging-16.1
# (the conformance suite finds it by the same rule). Prints the folder to put on PYTHONPATH.
set -euo pipefail

dest="${OSLO4J_OSLO16_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/oslo4j/oslo.messaging-16.1}"
site="$dest/usr/lib/python3/dist-packages"
packages=(python3-oslo.messaging python3-oslo.context)

installed_version() {
  PYTHONPATH="$site" /usr/bin/python3 -c \
    'import importlib.metadata as m; print(m.version("oslo.messaging"))' 2>/dev/null || true
}

if [[ "$(installed_version)" == 16.1.* ]]; then
  echo "$site"
  exit 0
fi

# The first Debian mirror apt uses here (deb822 .sources files, then one-line sources.list).
mirror=""
for f in /etc/apt/sources.list.d/*.sources; do
  [[ -f "$f" ]] || continue
  mirror=$(awk 'tolower($1)=="uris:" {for (i=2;i<=NF;i++) if ($i ~ /\/debian\/?$/) {print $i; exit}}' "$f")
  [[ -n "$mirror" ]] && break
done
if [[ -z "$mirror" && -f /etc/apt/sources.list ]]; then
  mirror=$(awk '$1=="deb" {for (i=2;i<=NF;i++) if ($i ~ /^https?:\/\/.*\/debian\/?$/) {print $i; exit}}' \
    /etc/apt/sources.list)
fi
[[ -n "$mirror" ]] || { echo "fetch-oslo16: no Debian mirror found in the apt configuration" >&2; exit 1; }
mirror="${mirror%/}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fetch() {
  if command -v curl >/dev/null; then
    curl -fsS --retry 3 --max-time 300 -o "$2" "$1"
  else # a minimal image may lack curl; Python is there (the 14.0.3 peers need it)
    /usr/bin/python3 -c 'import sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2])' "$1" "$2"
  fi
}

echo "fetch-oslo16: reading trixie's package index from $mirror" >&2
fetch "$mirror/dists/trixie/InRelease" "$work/InRelease"
fetch "$mirror/dists/trixie/main/binary-all/Packages.xz" "$work/Packages.xz"
if gpgv --keyring /usr/share/keyrings/debian-archive-keyring.gpg "$work/InRelease" 2>/dev/null; then
  want=$(awk '$3=="main/binary-all/Packages.xz" && length($1)==64 {print $1}' "$work/InRelease")
  got=$(sha256sum "$work/Packages.xz" | cut -d' ' -f1)
  if [[ "$want" != "$got" ]]; then
    # Mirrors update InRelease and the indexes at different moments; the .deb hashes are still checked below.
    echo "fetch-oslo16: warning: Packages.xz does not match the signed InRelease (mirror mid-update?)" >&2
  fi
else
  echo "fetch-oslo16: warning: could not verify trixie's InRelease signature" >&2
fi
/usr/bin/python3 -c 'import lzma, sys; sys.stdout.buffer.write(lzma.open(sys.argv[1]).read())' \
  "$work/Packages.xz" > "$work/Packages"

rm -rf "$dest.tmp"
mkdir -p "$dest.tmp"
for pkg in "${packages[@]}"; do
  entry=$(awk -v RS= -v p="$pkg" '$0 ~ ("(^|\n)Package: " p "\n")' "$work/Packages")
  file=$(sed -n 's/^Filename: //p' <<<"$entry")
  sum=$(sed -n 's/^SHA256: //p' <<<"$entry")
  version=$(sed -n 's/^Version: //p' <<<"$entry")
  [[ -n "$file" && -n "$sum" ]] || { echo "fetch-oslo16: $pkg is not in trixie's index" >&2; exit 1; }
  if [[ "$pkg" == python3-oslo.messaging && "$version" != 16.1.0-* ]]; then
    echo "fetch-oslo16: trixie has $pkg $version, not 16.1.0" >&2
    exit 1
  fi
  echo "fetch-oslo16: $pkg $version" >&2
  fetch "$mirror/$file" "$work/$pkg.deb"
  echo "$sum  $work/$pkg.deb" | sha256sum -c --quiet - || { echo "fetch-oslo16: $pkg: bad checksum" >&2; exit 1; }
  dpkg-deb -x "$work/$pkg.deb" "$dest.tmp"
done
rm -rf "$dest"
mv "$dest.tmp" "$dest"

v=$(installed_version)
[[ "$v" == 16.1.* ]] || { echo "fetch-oslo16: unpacked, but oslo.messaging does not import (got '$v')" >&2; exit 1; }
echo "$site"
