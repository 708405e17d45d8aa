/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-issues.h: what an author should fix in a story as it is being edited: places
 * without a name, events without a title. Quick enough to run after every edit (a pass over the
 * places and events). No GTK. */

#pragma once

#include <glib-object.h>

#include "caravan-types.h"

G_BEGIN_DECLS

typedef struct
{
  GObject *item;      /* the place or event to fix (a reference) */
  char    *message;   /* one translated sentence */
} CaravanStoryIssue;

void       caravan_story_issue_free   (CaravanStoryIssue *issue);
/* The issues of @story (CaravanStoryIssue) in story order: places, then events. */
GPtrArray *caravan_story_find_issues  (CaravanStory      *story);

G_END_DECLS
