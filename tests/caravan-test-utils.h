/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-test-utils.h: helpers shared by the gui tests: waiting on the main loop, screenshots,
 * windows on screen. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*CaravanTestCondition) (gpointer user_data);

void        caravan_test_init            (int                  *argc,
                                          char               ***argv);
gboolean    caravan_test_wait_until      (CaravanTestCondition  condition,
                                          gpointer              user_data,
                                          guint                 timeout_ms);
void        caravan_test_iterate         (guint                 ms);
GdkTexture *caravan_test_capture         (GtkWidget            *widget);
GdkTexture *caravan_test_save_screenshot (GtkWidget            *widget,
                                          const char           *name);
GtkWidget  *caravan_test_find_widget     (GtkWidget            *root,
                                          GType                 type,
                                          const char           *css_class);
gboolean    caravan_test_texture_pixel   (GdkTexture           *texture,
                                          int                   x,
                                          int                   y,
                                          guint8                rgba[4]);

guint       caravan_test_count_different_pixels (GdkTexture *a,
                                                 GdkTexture *b);

gboolean    caravan_test_window_on_screen  (GtkWindow *window);
guint       caravan_test_assert_off_screen (GType      type);

GtkWindow  *caravan_test_find_message_dialog (void);
void        caravan_test_remove_folder   (const char           *path);

G_END_DECLS
