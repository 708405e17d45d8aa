#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-flatpak-manifests.sh SOURCE_ROOT: fast checks of the Flatpak manifests in flatpak/
# (the slow build-and-run proof is build-aux/flatpak-local.sh). Prints each problem and exits
# 1 if there is any.
set -euo pipefail

top=${1:?usage: check-flatpak-manifests.sh SOURCE_ROOT}
python=$(command -v python3 || echo /usr/bin/python3)

exec "$python" - "$top" <<'PY'
import glob
import json
import os
import sys

top = sys.argv[1]
app_id = "io.github.caravanmaps.Caravan"
# The permissions Caravan needs, and no more: files come through the portal.
allowed_finish_args = {
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
    "--share=network",  # only for the optional online map layer
}
# Modules built from archives must pin them.
pinned_modules = {"protobuf-c", "libshumate"}

problems = []


def problem(path, message):
    problems.append("%s: %s" % (os.path.relpath(path, top), message))


def check_module(path, module):
    name = module.get("name", "?")
    for source in module.get("sources", []):
        if not isinstance(source, dict):
            problem(path, "module %s: sources must be objects, not file names" % name)
            continue
        kind = source.get("type")
        if kind in ("archive", "file") and not source.get("sha256"):
            problem(path, "module %s: %s source without sha256" % (name, kind))
        if kind == "git" and not (source.get("tag") or source.get("commit")):
            problem(path, "module %s: git source without tag or commit" % name)
        if name in pinned_modules and kind not in ("archive", "file"):
            problem(path, "module %s: expected a pinned archive, got %s" % (name, kind))
    if "--share=network" in module.get("build-options", {}).get("build-args", []):
        problem(path, "module %s: network access while building" % name)
    for sub in module.get("modules", []):
        if isinstance(sub, dict):
            check_module(path, sub)


def check_manifest(path, real):
    text = open(path, encoding="utf-8").read()
    try:
        manifest = json.loads(text)
    except ValueError as e:
        problem(path, "not valid JSON: %s" % e)
        return
    if json.dumps(manifest, indent=4, ensure_ascii=False) + "\n" != text:
        problem(path, "not formatted as JSON indented by 4 spaces with a final newline")

    ident = manifest.get("id", manifest.get("app-id"))
    if ident + ".json" != os.path.basename(path):
        problem(path, "app ID %s does not match the file name" % ident)
    if ident not in (app_id, app_id + ".Devel"):
        problem(path, "unexpected app ID %s" % ident)
    if manifest.get("command") != "caravan":
        problem(path, "command is %r, not caravan" % manifest.get("command"))

    args = manifest.get("finish-args", [])
    if len(args) != len(set(args)) or set(args) != allowed_finish_args:
        problem(path, "finish-args %s, wanted exactly %s" % (sorted(args), sorted(allowed_finish_args)))
    for arg in args:
        if arg.startswith("--filesystem"):
            problem(path, "filesystem access %s: files must come through the portal" % arg)
    if "--share=network" in manifest.get("build-options", {}).get("build-args", []):
        problem(path, "network access while building")

    if real:
        if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
            problem(path, "runtime/sdk must be org.gnome.Platform/org.gnome.Sdk")
        names = [m.get("name") for m in manifest.get("modules", []) if isinstance(m, dict)]
        for name in ("protobuf-c", "libshumate"):
            if name not in names:
                problem(path, "module %s missing (not in the GNOME runtime)" % name)
        if names and names[-1] != "caravan":
            problem(path, "the last module must be caravan, not %s" % names[-1])

    modules = [m for m in manifest.get("modules", []) if isinstance(m, dict)]
    for module in modules:
        check_module(path, module)
    caravan = [m for m in modules if m.get("name") == "caravan"]
    if caravan:
        devel = "-Dprofile=development" in caravan[0].get("config-opts", [])
        if devel != ident.endswith(".Devel"):
            problem(path, "-Dprofile=development must be set exactly for the .Devel app ID")
    return manifest


stable = os.path.join(top, "flatpak", app_id + ".json")
devel = os.path.join(top, "flatpak", app_id + ".Devel.json")
manifests = {}
for path in (stable, devel):
    if not os.path.exists(path):
        problem(path, "missing")
        continue
    manifests[path] = check_manifest(path, real=True)
for path in sorted(glob.glob(os.path.join(top, "flatpak", "**", "*.json"), recursive=True)):
    if path not in (stable, devel):
        check_manifest(path, real=False)

if manifests.get(stable) and manifests.get(devel):
    if manifests[stable].get("runtime-version") != manifests[devel].get("runtime-version"):
        problem(devel, "runtime-version differs from the stable manifest")

for line in problems:
    print(line)
print("%d manifest problem(s)" % len(problems))
sys.exit(1 if problems else 0)
PY
