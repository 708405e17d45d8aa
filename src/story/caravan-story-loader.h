/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-loader.h: reads story files. The caller gets either a complete story or a
 * GError plus the list of every problem (CaravanStoryProblem) with its line and column. */

#pragma once

#include <gio/gio.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_STORY_MAX_SIZE  (50 * 1000 * 1000)  /* 50 MB */
#define CARAVAN_STORY_MAX_DEPTH 32
/* JSON values (numbers, strings, objects, …) in one story; bounds the memory of parsing. */
#define CARAVAN_STORY_MAX_VALUES 2000000
/* Characters in one string: running text (descriptions, excerpts, notes, credits) and
 * everything else (titles, names, labels, ids, dates, links). */
#define CARAVAN_STORY_MAX_TEXT_LENGTH 100000
#define CARAVAN_STORY_MAX_NAME_LENGTH 1000
#define CARAVAN_STORY_FORMAT_VERSION 1

/* @problems (out, optional, transfer full): a GListModel of CaravanStoryProblem, set on success
 * (warnings only, maybe empty) and on failure. On failure the GError is in CARAVAN_STORY_ERROR,
 * its code is the first error's code (CARAVAN_STORY_ERROR_INVALID when there are errors of
 * several kinds) and its message summarises them. */
CaravanStory *caravan_story_loader_load_bytes      (GBytes              *bytes,
                                                    GListModel         **problems,
                                                    GError             **error);
CaravanStory *caravan_story_loader_load_file       (GFile               *file,
                                                    GCancellable        *cancellable,
                                                    GListModel         **problems,
                                                    GError             **error);
/* Reads and parses in a worker thread. */
void          caravan_story_loader_load_file_async (GFile               *file,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
CaravanStory *caravan_story_loader_load_file_finish (GAsyncResult       *result,
                                                    GListModel         **problems,
                                                    GError             **error);

/* The story shipped with Caravan (compiled into the binary). */
CaravanStory *caravan_story_load_bundled           (GError             **error);

G_END_DECLS
