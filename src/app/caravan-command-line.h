/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-command-line.h: Caravan's command-line options and the commands that need no
 * window. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds every option Caravan understands, and the summary --help shows. */
void caravan_command_line_add_options (GApplication *app);
/* Runs the command @options ask for (--version, --validate, --convert, --render-map,
 * --record) and returns its exit status, or -1 when they ask for none. */
int  caravan_command_line_run         (GVariantDict *options);

G_END_DECLS
