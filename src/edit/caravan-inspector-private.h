/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-inspector-private.h: the inspector's instance struct, shared by its files. */

#pragma once

#include <adwaita.h>

#include "caravan-inspector.h"

G_BEGIN_DECLS

struct _CaravanInspector
{
  GtkWidget         parent_instance;

  CaravanSelection *selection;
  GSignalGroup     *selection_signals;
  CaravanUndoStack *stack;
  GObject          *item;         /* the place or event shown (weak: the story owns it) */
  gpointer          last_field;   /* the widget of the last edit, to seal on a change */
  gboolean          filling;
  guint             issues_idle;

  /* template children */
  GtkWidget        *issues_box;
  GtkLabel         *issues_title;
  GtkListBox       *issues_list;
  GtkStack         *stack_pages;
  AdwEntryRow      *place_name_row;
  AdwEntryRow      *place_kind_row;
  GtkSwitch        *place_featured_switch;
  GtkSpinButton    *place_latitude_spin;
  GtkSpinButton    *place_longitude_spin;
  GtkTextView      *place_description_view;
  AdwEntryRow      *place_name_ru_row;
  AdwEntryRow      *place_name_kk_row;
  AdwEntryRow      *place_name_zh_row;
  AdwEntryRow      *event_title_row;
  AdwEntryRow      *event_date_row;
  AdwEntryRow      *event_category_row;
  AdwEntryRow      *event_tags_row;
  AdwActionRow     *event_view_row;
  GtkLabel         *event_date_error;
  GtkTextView      *event_description_view;
  GtkTextView      *event_notes_view;
};

/* caravan-inspector-issues.c: what there is to fix, above the fields */
void caravan_inspector_queue_issues       (CaravanInspector *self);
void caravan_inspector_on_issue_activated (GtkListBox       *list,
                                           GtkListBoxRow    *row,
                                           CaravanInspector *self);

G_END_DECLS
