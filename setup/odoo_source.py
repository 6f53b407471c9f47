"""Print the folder of an Odoo Community tree of one release: the one its source variable
names, or else one got from an archive, verified and unpacked once into a cache.

Usage: odoo_source.py RELEASE CACHE_DIR

Each release reads its own variables (RELEASES): for 18.0 ODOO_SRC (default /opt/odoo),
ODOO_SOURCE_URL and ODOO_SOURCE_SHA256; for 19.0 ODOO19_SRC (default /opt/odoo19),
ODOO19_SOURCE_URL and ODOO19_SOURCE_SHA256. The URL names the archive (https://, file:// or
a plain path to a .tar.gz of an Odoo tree: odoo/, addons/, odoo-bin, requirements.txt;
default: the official repository's archive of the release). The SHA-256 is the archive's own
checksum; without it, the unpacked tree must be the exact tree of that release this project
is tested with (a digest of its contents that does not depend on how the archive was
compressed). Standard library only: it runs before any venv exists.
"""

import hashlib
import os
import shutil
import sys
import tarfile
import tempfile
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Release:
    src_var: str
    default_src: str
    url_var: str
    sha_var: str
    official_url: str
    # The digest of odoo/, addons/, odoo-bin, requirements.txt and setup.py of the Community
    # tree the suites run against (see tree_digest).
    tested_digest: str


RELEASES = {
    "18.0": Release(
        "ODOO_SRC",
        "/opt/odoo",
        "ODOO_SOURCE_URL",
        "ODOO_SOURCE_SHA256",
        "https://github.com/odoo/odoo/archive/refs/heads/18.0.tar.gz",
        "927accf3c418982785137334c03523e8ae351810f4ef0bfbf2d94dbe6f3013b2",
    ),
    "19.0": Release(
        "ODOO19_SRC",
        "/opt/odoo19",
        "ODOO19_SOURCE_URL",
        "ODOO19_SOURCE_SHA256",
        "https://github.com/odoo/odoo/archive/refs/heads/19.0.tar.gz",
        "496c1b5012ba6525dbd6e4fc0ec7d266e1ac78f0e06495dcf767032106f0e673",
    ),
}
TREE_PARTS = ("odoo", "addons", "odoo-bin", "requirements.txt", "setup.py")
DOWNLOAD_TIMEOUT_SECONDS = 60


class SourceError(Exception):
    """Why Odoo could not be had, said in one line."""


def tree_digest(root):
    """SHA-256 over the sorted relative paths and contents of the tree's Odoo parts."""
    root = Path(root)
    digest = hashlib.sha256()
    paths = []
    for part in TREE_PARTS:
        path = root / part
        if path.is_file():
            paths.append(path)
        elif path.is_dir():
            paths.extend(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in sorted(paths, key=lambda p: p.relative_to(root).as_posix()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_archive(url, target):
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme in ("http", "https"):
        try:
            with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT_SECONDS) as response, open(target, "wb") as out:
                shutil.copyfileobj(response, out)
        except OSError as error:
            raise SourceError(f"could not download {url}: {error}") from error
        return
    local = Path(urllib.parse.unquote(parsed.path) if parsed.scheme == "file" else url)
    if not local.is_file():
        raise SourceError(f"no archive at {local}")
    shutil.copyfile(local, target)


def unpack(archive, target):
    """Unpack into ``target``, dropping the single top folder an archive of a tree has."""
    try:
        with tarfile.open(archive) as tar:
            if hasattr(tarfile, "data_filter"):
                tar.extractall(target, filter="data")
            else:
                # Pythons before 3.11.4 have no extraction filters: refuse what would land
                # outside the target, as the "data" filter does.
                for member in tar.getmembers():
                    path = Path(member.name)
                    if path.is_absolute() or ".." in path.parts or member.issym() or member.islnk():
                        raise SourceError(f"the archive holds an unsafe entry: {member.name}")
                tar.extractall(target)
    except (tarfile.TarError, OSError) as error:
        raise SourceError(f"the archive could not be unpacked: {error}") from error
    entries = list(Path(target).iterdir())
    return entries[0] if len(entries) == 1 and entries[0].is_dir() else Path(target)


def is_odoo_tree(path):
    return (Path(path) / "odoo-bin").is_file() and (Path(path) / "addons" / "crm").is_dir()


def get_odoo(cache_dir, url, expected_sha256="", release="18.0"):
    """The folder of a verified Odoo tree from ``url``, unpacked once into ``cache_dir``."""
    key = hashlib.sha256(f"{url}\0{expected_sha256}".encode()).hexdigest()[:16]
    final = Path(cache_dir) / f"odoo-{key}"
    if (final / "odoo-bin").is_file():
        return final
    Path(cache_dir).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir) as work:
        archive = Path(work) / "odoo.tar.gz"
        fetch_archive(url, archive)
        if expected_sha256:
            actual = file_sha256(archive)
            if actual != expected_sha256.lower():
                raise SourceError(f"{url} has checksum {actual}, not ODOO_SOURCE_SHA256={expected_sha256}")
        tree = unpack(archive, Path(work) / "tree")
        if not is_odoo_tree(tree):
            raise SourceError(f"{url} holds no Odoo tree (odoo-bin and addons/crm)")
        if not expected_sha256:
            actual = tree_digest(tree)
            if actual != RELEASES[release].tested_digest:
                raise SourceError(
                    f"{url} is not the Odoo {release} tree this project is tested with (content digest {actual}); "
                    f"give its archive checksum in {RELEASES[release].sha_var} to use it anyway"
                )
        # A rename is atomic: a second run never sees half a tree.
        tree.rename(final)
    return final


def main(argv):
    if len(argv) != 3 or argv[1] not in RELEASES:
        print(__doc__.strip().splitlines()[3], f"(RELEASE: {', '.join(RELEASES)})", file=sys.stderr)
        return 2
    release, spec = argv[1], RELEASES[argv[1]]
    src = os.environ.get(spec.src_var) or spec.default_src
    if is_odoo_tree(src):
        print(src)
        return 0
    url = os.environ.get(spec.url_var) or spec.official_url
    if urllib.parse.urlparse(url).scheme in ("http", "https"):
        # A download takes minutes: say so, once.
        print(f"no Odoo {release} at {spec.src_var}={src}: downloading {url}", file=sys.stderr)
    try:
        print(get_odoo(argv[2], url, os.environ.get(spec.sha_var, "").strip(), release))
    except SourceError as error:
        print(
            f"error: no Odoo {release}: tried {spec.src_var}={src}, then {error}. "
            f"Set {spec.src_var} to an Odoo {release} Community tree, or {spec.url_var} "
            f"(and {spec.sha_var}) to an archive of one.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
