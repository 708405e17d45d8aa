#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-accessibility.py CARAVAN APP_ID: starts Caravan and reads its accessible tree the way a
# screen reader does (AT-SPI, through gi's Atspi), at launch, after selecting a place and after
# selecting an event. Fails on interactive nodes without a name or with a garbled one
# ("Show on _Map Show on Map"), a selected pin that does not say so, a timeline that does not
# announce the selected place's events, excerpt cards and their buttons that do not say which
# excerpt they are. Run under tests/headless.sh (a display and a session bus of its own).

import os
import re
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, Gio, GLib  # noqa: E402

INTERACTIVE = {
    Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON, Atspi.Role.MENU_ITEM, Atspi.Role.CHECK_MENU_ITEM,
    Atspi.Role.RADIO_MENU_ITEM, Atspi.Role.LINK, Atspi.Role.ENTRY, Atspi.Role.SPIN_BUTTON,
    Atspi.Role.SLIDER, Atspi.Role.COMBO_BOX, Atspi.Role.PAGE_TAB, Atspi.Role.LIST_ITEM,
    Atspi.Role.PASSWORD_TEXT,
}
# A mnemonic underscore left in a name, or a name that is two copies of one text.
MNEMONIC = re.compile(r"(^|\s)_\w|\w_\w")
# GTK 4.8 names a node without a label after its type: that is no name for a listener.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Shumate|Caravan)[A-Z]\w*$")

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, flush=True)


def is_garbled(name):
    if MNEMONIC.search(name):
        return True
    words = name.split()
    half = len(words) // 2
    return half > 0 and len(words) % 2 == 0 and \
        [w.replace("_", "") for w in words[:half]] == [w.replace("_", "") for w in words[half:]]


def walk(node, depth=0, path=()):
    try:
        role = node.get_role()
        name = node.get_name() or ""
        n = node.get_child_count()
    except GLib.Error:
        return
    yield node, role, name, path
    for i in range(n):
        child = node.get_child_at_index(i)
        if child is not None:
            yield from walk(child, depth + 1, path + ((node.get_role_name(), name),))


def find_app(name, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == name:
                frames = [app.get_child_at_index(j) for j in range(app.get_child_count())]
                if any(f is not None and f.get_child_count() > 0 for f in frames):
                    return app
        time.sleep(0.2)
    return None


def states(node):
    return node.get_state_set()


def check_tree(app, moment):
    n_interactive = 0
    for node, role, name, path in walk(app):
        if role not in INTERACTIVE:
            continue
        st = states(node)
        if not st.contains(Atspi.StateType.VISIBLE):
            continue
        n_interactive += 1
        where = " > ".join("%s '%s'" % p for p in path[-3:])
        if not name.strip() or TYPE_NAME.match(name):
            inside = [(r.value_nick, n) for _, r, n, _ in walk(node)][1:4]
            fail("%s: unnamed %s under %s, holding %s, described '%s'"
                 % (moment, node.get_role_name(), where, inside, node.get_description()))
        elif is_garbled(name):
            fail("%s: garbled name '%s' (%s) under %s" % (moment, name, node.get_role_name(), where))
    print("%s: %d interactive nodes checked" % (moment, n_interactive), flush=True)
    if n_interactive < 10:
        fail("%s: only %d interactive nodes: the tree did not load" % (moment, n_interactive))


def nodes_named(app, pattern, roles=None):
    return [(node, role, name) for node, role, name, _ in walk(app)
            if re.search(pattern, name) and (roles is None or role in roles)]


def wait_for(condition, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    return condition()


def activate(app_id, action, parameter):
    bus = Gio.bus_get_sync(Gio.BusType.SESSION)
    path = "/" + app_id.replace(".", "/")
    bus.call_sync(app_id, path, "org.gtk.Actions", "Activate",
                  GLib.Variant("(sava{sv})", (action, [GLib.Variant("s", parameter)], {})),
                  None, Gio.DBusCallFlags.NONE, 5000, None)


def timeline_text(app):
    for node, role, name, _ in walk(app):
        if name == "Timeline" or node.get_attributes().get("class") == "timeline":
            return name + " " + (node.get_description() or "")
    return ""


def main():
    caravan, app_id = sys.argv[1], sys.argv[2]
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    proc = subprocess.Popen([caravan], env=env)
    try:
        app = find_app(os.path.basename(caravan))
        if app is None:
            fail("Caravan did not appear on the accessibility bus")
            return
        time.sleep(1.5)
        check_tree(app, "at launch")
        for name in ("Present", "More Presentation Options", "Read the Article", "Open",
                     "Main Menu"):
            if not nodes_named(app, "^%s$" % re.escape(name), INTERACTIVE):
                fail("at launch: no button named '%s'" % name)

        # A place: its pin says it is selected, the timeline announces the place's events.
        activate(app_id, "select-place", "khorgos-dry-port")
        pins = wait_for(lambda: [n for n, r, name in nodes_named(app, r"Khorgos", INTERACTIVE)
                                 if states(n).contains(Atspi.StateType.SELECTED)])
        if not pins:
            fail("after selecting a place: no pin named Khorgos… has the selected state")
        else:
            print("selected pin: '%s'" % pins[0].get_name(), flush=True)
        others = [name for n, r, name in nodes_named(app, r".", {Atspi.Role.PUSH_BUTTON,
                                                               Atspi.Role.TOGGLE_BUTTON})
                  if states(n).contains(Atspi.StateType.SELECTED)]
        if len(others) != 1:
            fail("after selecting a place: %d selected buttons: %s" % (len(others), others))
        text = wait_for(lambda: (lambda t: t if "Khorgos" in t and "event" in t else None)(
            timeline_text(app)))
        if not text:
            fail("after selecting a place: the timeline says '%s'" % timeline_text(app))
        else:
            print("timeline: %s" % text, flush=True)
        check_tree(app, "after selecting a place")

        # An event: the timeline names it; excerpt cards and their buttons name their excerpt.
        activate(app_id, "select-event", "khorgos-dry-port-opens")
        text = wait_for(lambda: (lambda t: t if "Khorgos Gateway dry port" in t else None)(
            timeline_text(app)))
        if not text:
            fail("after selecting an event: the timeline says '%s'" % timeline_text(app))
        else:
            print("timeline: %s" % text, flush=True)
        cards = wait_for(lambda: nodes_named(app, r"^Excerpt: ", {Atspi.Role.PANEL,
                                                              Atspi.Role.SECTION,
                                                              Atspi.Role.GROUPING}))
        if not cards:
            fail("after selecting an event: no excerpt card is named")
        for card, role, name in cards:
            print("card: '%s'" % name, flush=True)
            buttons = [n for n, r, bname, _ in walk(card) if r == Atspi.Role.PUSH_BUTTON]
            for button in buttons:
                bname = button.get_name()
                print("  button: '%s'" % bname, flush=True)
                if "“" not in bname:
                    fail("button '%s' in card '%s' does not say which excerpt" % (bname, name))
        check_tree(app, "after selecting an event")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    if failures:
        print("%d problems" % len(failures))
        sys.exit(1)
    print("accessible tree clean")


main()
sys.exit(1 if failures else 0)
