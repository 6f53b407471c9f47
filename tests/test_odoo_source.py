"""setup/odoo_source.py: Odoo fetched from an archive, verified, unpacked once, or one clear line."""

import hashlib
import importlib.util
import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "setup" / "odoo_source.py"
spec = importlib.util.spec_from_file_location("odoo_source", SCRIPT)
odoo_source = importlib.util.module_from_spec(spec)
spec.loader.exec_module(odoo_source)


def make_archive(path, files, top="odoo-18.0"):
    with tarfile.open(path, "w:gz") as tar:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(f"{top}/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return hashlib.sha256(path.read_bytes()).hexdigest()


ODOO_TREE = {
    "odoo-bin": "#!/usr/bin/env python3\n",
    "requirements.txt": "psycopg2\n",
    "odoo/__init__.py": "",
    "addons/crm/__manifest__.py": "{'name': 'CRM'}\n",
}


def test_an_archive_with_its_checksum_is_unpacked_once(tmp_path):
    archive = tmp_path / "odoo.tar.gz"
    checksum = make_archive(archive, ODOO_TREE)
    cache = tmp_path / "cache"
    tree = odoo_source.get_odoo(cache, archive.as_uri(), checksum)
    assert (tree / "odoo-bin").read_text() == ODOO_TREE["odoo-bin"]
    assert (tree / "addons" / "crm" / "__manifest__.py").is_file()
    archive.unlink()
    assert odoo_source.get_odoo(cache, archive.as_uri(), checksum) == tree, "the cache serves the second run"
    assert [path.name for path in cache.iterdir()] == [tree.name], "no leftover work folder"


def test_a_plain_path_works_too(tmp_path):
    archive = tmp_path / "odoo.tar.gz"
    checksum = make_archive(archive, ODOO_TREE)
    assert (odoo_source.get_odoo(tmp_path / "cache", str(archive), checksum) / "odoo-bin").is_file()


def test_a_wrong_checksum_is_refused_and_nothing_is_kept(tmp_path):
    archive = tmp_path / "odoo.tar.gz"
    make_archive(archive, ODOO_TREE)
    cache = tmp_path / "cache"
    with pytest.raises(odoo_source.SourceError, match="checksum"):
        odoo_source.get_odoo(cache, str(archive), "0" * 64)
    assert not list(cache.iterdir())


def test_without_a_checksum_only_the_tested_tree_is_accepted(tmp_path):
    archive = tmp_path / "odoo.tar.gz"
    make_archive(archive, ODOO_TREE)
    with pytest.raises(odoo_source.SourceError, match="not the Odoo 18.0 tree this project is tested with"):
        odoo_source.get_odoo(tmp_path / "cache", str(archive))


def test_the_content_digest_ignores_how_the_archive_was_packed(tmp_path):
    first, second = tmp_path / "a.tar.gz", tmp_path / "b.tar.gz"
    make_archive(first, ODOO_TREE, top="odoo-a")
    make_archive(second, dict(reversed(ODOO_TREE.items())), top="odoo-b")
    trees = [odoo_source.unpack(path, tmp_path / path.stem) for path in (first, second)]
    assert odoo_source.tree_digest(trees[0]) == odoo_source.tree_digest(trees[1])
    (trees[1] / "odoo-bin").write_text("changed\n")
    assert odoo_source.tree_digest(trees[0]) != odoo_source.tree_digest(trees[1])


def test_an_archive_without_odoo_is_refused(tmp_path):
    archive = tmp_path / "other.tar.gz"
    checksum = make_archive(archive, {"README": "not odoo\n"})
    with pytest.raises(odoo_source.SourceError, match="holds no Odoo tree"):
        odoo_source.get_odoo(tmp_path / "cache", str(archive), checksum)


def test_the_command_says_in_one_line_what_was_tried_and_how_to_provide_odoo(tmp_path):
    env = dict(os.environ, ODOO_SRC="/nonexistent/odoo", ODOO_SOURCE_URL=str(tmp_path / "missing.tar.gz"))
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "18.0", str(tmp_path / "cache")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "ODOO_SRC=/nonexistent/odoo" in lines[0]
    assert "missing.tar.gz" in lines[0]
    assert "ODOO_SOURCE_URL" in lines[0]


def test_the_command_prints_the_tree_to_use(tmp_path):
    archive = tmp_path / "odoo.tar.gz"
    checksum = make_archive(archive, ODOO_TREE)
    env = dict(os.environ, ODOO_SOURCE_URL=archive.as_uri(), ODOO_SOURCE_SHA256=checksum)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "18.0", str(tmp_path / "cache")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert (Path(result.stdout.strip()) / "odoo-bin").is_file()


def run_for_release(release, env, cache):
    return subprocess.run(
        [sys.executable, str(SCRIPT), release, str(cache)], env=env, capture_output=True, text=True, check=False
    )


def test_each_release_reads_its_own_variables(tmp_path):
    tree18, tree19 = tmp_path / "odoo18", tmp_path / "odoo19"
    for tree in (tree18, tree19):
        (tree / "addons" / "crm").mkdir(parents=True)
        (tree / "odoo-bin").write_text("")
    env = dict(os.environ, ODOO_SRC=str(tree18), ODOO19_SRC=str(tree19))
    assert run_for_release("18.0", env, tmp_path / "cache").stdout.strip() == str(tree18)
    assert run_for_release("19.0", env, tmp_path / "cache").stdout.strip() == str(tree19)


def test_a_19_archive_is_verified_against_the_tested_19_tree(tmp_path):
    archive = tmp_path / "odoo19.tar.gz"
    checksum = make_archive(archive, ODOO_TREE, top="odoo-19.0")
    env = dict(os.environ, ODOO19_SRC="/nonexistent/odoo19", ODOO19_SOURCE_URL=str(archive))
    env.pop("ODOO19_SOURCE_SHA256", None)
    refused = run_for_release("19.0", env, tmp_path / "cache")
    assert refused.returncode == 1
    assert "not the Odoo 19.0 tree this project is tested with" in refused.stderr
    assert "ODOO19_SOURCE_SHA256" in refused.stderr
    env["ODOO19_SOURCE_SHA256"] = checksum
    accepted = run_for_release("19.0", env, tmp_path / "cache")
    assert accepted.returncode == 0, accepted.stderr
    assert (Path(accepted.stdout.strip()) / "odoo-bin").is_file()


def test_an_unknown_release_is_refused(tmp_path):
    result = run_for_release("17.0", dict(os.environ), tmp_path / "cache")
    assert result.returncode == 2
    assert "18.0" in result.stderr and "19.0" in result.stderr


def test_older_pythons_without_extraction_filters_refuse_escaping_entries(tmp_path, monkeypatch):
    monkeypatch.delattr(odoo_source.tarfile, "data_filter", raising=False)
    archive = tmp_path / "odoo.tar.gz"
    checksum = make_archive(archive, ODOO_TREE)
    assert (odoo_source.get_odoo(tmp_path / "cache", str(archive), checksum) / "odoo-bin").is_file()
    evil = tmp_path / "evil.tar.gz"
    checksum = make_archive(evil, {**ODOO_TREE, "../../escaped": "x"})
    with pytest.raises(odoo_source.SourceError, match="unsafe entry"):
        odoo_source.get_odoo(tmp_path / "cache2", str(evil), checksum)
    assert not (tmp_path / "escaped").exists()
