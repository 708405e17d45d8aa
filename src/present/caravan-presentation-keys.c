/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-presentation-keys.c: how the presenter drives the presentation: the clicker and
 * keyboard keys, typed step numbers, the widget actions, blanking the screen and autoplay. */

#define G_LOG_DOMAIN "caravan-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-presentation-private.h"
#include "caravan-selection.h"
#include "caravan-shortcuts.h"

#define MAX_TYPED_DIGITS 4

static void
jump_to_typed_step (CaravanPresentation *self)
{
  guint64 number = 0;

  if (g_ascii_string_to_unsigned (self->typed_step->str, 10, 1, G_MAXUINT, &number, NULL))
    caravan_presentation_go_to_step (self,
                                     (guint) MIN (number,
                                                  caravan_presentation_get_n_steps (self)) - 1);
  g_string_truncate (self->typed_step, 0);
  caravan_presentation_update_progress (self);
}

/* The presentation's keys come from the shortcut table (caravan-shortcuts.c), which the
 * shortcuts window shows too. Runs in the capture phase so the map's own arrow-key panning
 * never sees these keys. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CaravanPresentation   *self)
{
  guint digit = gdk_keyval_to_unicode (keyval);
  const CaravanShortcut *shortcut;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  /* Any key brings the picture back; that key does nothing else. */
  if (self->blank != CARAVAN_PRESENTATION_BLANK_NONE)
    {
      if (keyval == GDK_KEY_Shift_L || keyval == GDK_KEY_Shift_R)
        return FALSE;
      caravan_presentation_set_blank (self, CARAVAN_PRESENTATION_BLANK_NONE);
      return TRUE;
    }

  if (digit >= '0' && digit <= '9')
    {
      if (self->typed_step->len < MAX_TYPED_DIGITS)
        g_string_append_c (self->typed_step, (char) digit);
      caravan_presentation_update_progress (self);
      return TRUE;
    }

  /* While a step number is being typed, Enter jumps, Backspace and Escape edit it. */
  if (self->typed_step->len > 0)
    switch (keyval)
      {
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
      case GDK_KEY_ISO_Enter:
        jump_to_typed_step (self);
        return TRUE;
      case GDK_KEY_BackSpace:
        g_string_truncate (self->typed_step, self->typed_step->len - 1);
        caravan_presentation_update_progress (self);
        return TRUE;
      case GDK_KEY_Escape:
        g_string_truncate (self->typed_step, 0);
        caravan_presentation_update_progress (self);
        return TRUE;
      default:
        break;
      }

  shortcut = caravan_shortcuts_find (CARAVAN_SHORTCUTS_PRESENTATION, keyval, state);
  if (shortcut == NULL)
    return FALSE;
  caravan_shortcuts_activate (shortcut, GTK_WIDGET (self));
  return TRUE;
}

static gboolean
on_autoplay_timeout (gpointer user_data)
{
  CaravanPresentation *self = user_data;

  self->autoplay_timeout = 0;
  if (!caravan_selection_next_event (self->selection))
    {
      if (self->loop)
        caravan_selection_first (self->selection);
      else
        caravan_presentation_set_autoplay (self, FALSE);
    }
  return G_SOURCE_REMOVE;
}

static void
caravan_presentation_next_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  caravan_selection_next_event (CARAVAN_PRESENTATION (widget)->selection);
}

static void
caravan_presentation_go_to_step_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  caravan_presentation_go_to_step (CARAVAN_PRESENTATION (widget), g_variant_get_uint32 (parameter));
}

static void
caravan_presentation_previous_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  caravan_selection_previous_event (CARAVAN_PRESENTATION (widget)->selection);
}

static void
caravan_presentation_first_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  caravan_selection_first (CARAVAN_PRESENTATION (widget)->selection);
}

static void
caravan_presentation_last_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  caravan_selection_last (CARAVAN_PRESENTATION (widget)->selection);
}

static void
caravan_presentation_blank_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  const char *colour = g_variant_get_string (parameter, NULL);

  caravan_presentation_set_blank (CARAVAN_PRESENTATION (widget),
                                  g_str_equal (colour, "white") ? CARAVAN_PRESENTATION_BLANK_WHITE
                                  : g_str_equal (colour, "black") ? CARAVAN_PRESENTATION_BLANK_BLACK
                                  : CARAVAN_PRESENTATION_BLANK_NONE);
}

static void
caravan_presentation_toggle_autoplay_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (widget);

  caravan_presentation_set_autoplay (self, !self->autoplay);
}

static void
caravan_presentation_toggle_loop_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (widget);

  caravan_presentation_set_loop (self, !self->loop);
}

static void
caravan_presentation_cycle_theme_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  CaravanPresentation *self = CARAVAN_PRESENTATION (widget);

  caravan_presentation_set_theme (self,
                                  (caravan_presentation_get_theme (self) + 1) %
                                  CARAVAN_MAP_N_THEMES);
}

static void
caravan_presentation_leave_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

void
caravan_presentation_add_key_controller (CaravanPresentation *self,
                                         GtkWidget           *window)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (window, controller);
}

/* The keys are handled in on_key_pressed (capture phase, before the map pans); the shortcuts
 * window lists them under "Presentation". */
void
caravan_presentation_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "presentation.next", NULL,
                                   caravan_presentation_next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL,
                                   caravan_presentation_previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL,
                                   caravan_presentation_first_action);
  /* Steps count from 0 here; the presenter types them from 1. */
  gtk_widget_class_install_action (widget_class, "presentation.go-to-step", "u",
                                   caravan_presentation_go_to_step_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL,
                                   caravan_presentation_last_action);
  gtk_widget_class_install_action (widget_class, "presentation.blank", "s",
                                   caravan_presentation_blank_action);
  gtk_widget_class_install_action (widget_class, "presentation.toggle-autoplay", NULL,
                                   caravan_presentation_toggle_autoplay_action);
  gtk_widget_class_install_action (widget_class, "presentation.toggle-loop", NULL,
                                   caravan_presentation_toggle_loop_action);
  gtk_widget_class_install_action (widget_class, "presentation.cycle-theme", NULL,
                                   caravan_presentation_cycle_theme_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL,
                                   caravan_presentation_leave_action);
}

void
caravan_presentation_restart_autoplay_timer (CaravanPresentation *self)
{
  g_clear_handle_id (&self->autoplay_timeout, g_source_remove);
  if (self->autoplay && gtk_widget_get_visible (GTK_WIDGET (self)))
    self->autoplay_timeout = g_timeout_add ((guint) (self->seconds_per_step * 1000),
                                            on_autoplay_timeout, self);
}

void
caravan_presentation_update_autoplay_label (CaravanPresentation *self)
{
  g_autofree char *text = NULL;

  if (self->autoplay)
    /* Translators: autoplay is on; %g is the number of seconds per step */
    text = g_strdup_printf (_("▶ Playing, %g s"), self->seconds_per_step);
  else if (self->autoplay_used)
    text = g_strdup (_("⏸ Paused"));

  gtk_label_set_text (self->autoplay_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->autoplay_label), text != NULL);
}

CaravanPresentationBlank
caravan_presentation_get_blank (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), CARAVAN_PRESENTATION_BLANK_NONE);

  return self->blank;
}

/* Blanks the screen to black or white (a pause in the talk), or shows the map again. */
void
caravan_presentation_set_blank (CaravanPresentation      *self,
                                CaravanPresentationBlank  blank)
{
  g_return_if_fail (CARAVAN_IS_PRESENTATION (self));

  if (self->blank == blank)
    return;

  self->blank = blank;
  gtk_widget_set_visible (self->blank_box, blank != CARAVAN_PRESENTATION_BLANK_NONE);
  if (blank == CARAVAN_PRESENTATION_BLANK_WHITE)
    {
      gtk_widget_remove_css_class (self->blank_box, "black");
      gtk_widget_add_css_class (self->blank_box, "white");
    }
  else
    {
      gtk_widget_remove_css_class (self->blank_box, "white");
      gtk_widget_add_css_class (self->blank_box, "black");
    }
  caravan_presentation_notify (self, PROP_BLANK);
}

gboolean
caravan_presentation_get_autoplay (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), FALSE);

  return self->autoplay;
}

/* Steps forward every seconds-per-step; at the end it stops, or starts again with loop. */
void
caravan_presentation_set_autoplay (CaravanPresentation *self,
                                   gboolean             autoplay)
{
  g_return_if_fail (CARAVAN_IS_PRESENTATION (self));

  autoplay = !!autoplay;
  if (self->autoplay == autoplay)
    return;

  self->autoplay = autoplay;
  self->autoplay_used = TRUE;
  caravan_presentation_restart_autoplay_timer (self);
  caravan_presentation_update_autoplay_label (self);
  caravan_presentation_notify (self, PROP_AUTOPLAY);
}

double
caravan_presentation_get_seconds_per_step (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), DEFAULT_SECONDS_PER_STEP);

  return self->seconds_per_step;
}

void
caravan_presentation_set_seconds_per_step (CaravanPresentation *self,
                                           double               seconds)
{
  g_return_if_fail (CARAVAN_IS_PRESENTATION (self));
  g_return_if_fail (seconds > 0);

  if (self->seconds_per_step == seconds)
    return;

  self->seconds_per_step = seconds;
  caravan_presentation_restart_autoplay_timer (self);
  caravan_presentation_update_autoplay_label (self);
  caravan_presentation_notify (self, PROP_SECONDS_PER_STEP);
}

gboolean
caravan_presentation_get_loop (CaravanPresentation *self)
{
  g_return_val_if_fail (CARAVAN_IS_PRESENTATION (self), FALSE);

  return self->loop;
}

void
caravan_presentation_set_loop (CaravanPresentation *self,
                               gboolean             loop)
{
  g_return_if_fail (CARAVAN_IS_PRESENTATION (self));

  loop = !!loop;
  if (self->loop == loop)
    return;

  self->loop = loop;
  caravan_presentation_notify (self, PROP_LOOP);
}
