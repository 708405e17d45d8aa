/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-pin.c: a story place on the map. The marker carries its place, the name shown above
 * the icon (which follows the selected date), whether that name is wanted and shown, its
 * measured size for decluttering, and the selected and faded states. The map view decides
 * which names have room (caravan-map-view-pins.c). */

#define G_LOG_DOMAIN "caravan-pin"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-pin.h"
#include "caravan-place.h"

struct _CaravanPin
{
  ShumateMarker  parent_instance;

  CaravanPlace  *place;
  GtkWidget     *button;
  GtkWidget     *name_label;
  GtkWidget     *icon;
  gboolean       name_wanted;   /* the place's kind earns it a name, room permitting */
  gboolean       selected;
  gboolean       faded;
  int            name_width;    /* measured while shown: hidden widgets measure as nothing */
  int            name_height;
  int            icon_height;
};

G_DEFINE_FINAL_TYPE (CaravanPin, caravan_pin, SHUMATE_TYPE_MARKER)

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
caravan_pin_dispose (GObject *object)
{
  CaravanPin *self = CARAVAN_PIN (object);

  g_clear_object (&self->place);

  G_OBJECT_CLASS (caravan_pin_parent_class)->dispose (object);
}

static void
caravan_pin_class_init (CaravanPinClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = caravan_pin_dispose;
}

static void
caravan_pin_init (CaravanPin *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  self->name_label = gtk_label_new (NULL);
  /* a name may be 1,000 characters long; the tooltip has it whole */
  gtk_label_set_ellipsize (GTK_LABEL (self->name_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (self->name_label), 40);
  gtk_widget_add_css_class (self->name_label, "pin-label");
  gtk_box_append (GTK_BOX (box), self->name_label);
  self->icon = gtk_image_new_from_icon_name ("caravan-pin-symbolic");
  gtk_widget_add_css_class (self->icon, "pin-icon");
  gtk_widget_set_halign (self->icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->icon);

  self->button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->button), box);
  gtk_widget_add_css_class (self->button, "pin");
  shumate_marker_set_child (SHUMATE_MARKER (self), self->button);
}

/* A pin for @place, which has @n_events events (said in its tooltip and to screen readers). */
CaravanPin *
caravan_pin_new (CaravanPlace *place,
                 guint         n_events)
{
  CaravanPin *self;
  const char *kind;
  const char *name;
  g_autofree char *tooltip = NULL;

  g_return_val_if_fail (CARAVAN_IS_PLACE (place), NULL);

  self = g_object_new (CARAVAN_TYPE_PIN, NULL);
  self->place = g_object_ref (place);
  kind = caravan_place_get_kind (place);
  name = caravan_place_get_display_name (place, NULL);
  shumate_location_set_location (SHUMATE_LOCATION (self), caravan_place_get_latitude (place),
                                 caravan_place_get_longitude (place));
  gtk_label_set_text (GTK_LABEL (self->name_label), name);
  if (caravan_place_get_featured (place))
    gtk_widget_add_css_class (self->button, "featured");
  if (kind != NULL)
    {
      g_autofree char *kind_class = g_strconcat ("kind-", kind, NULL);

      gtk_widget_add_css_class (self->button, kind_class);
    }

  /* Translators: a map pin's tooltip, e.g. "Khorgos: 5 events" */
  tooltip = g_strdup_printf (ngettext ("%s: %u event", "%s: %u events", n_events), name, n_events);
  gtk_widget_set_tooltip_text (self->button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
  return self;
}

CaravanPlace *
caravan_pin_get_place (CaravanPin *self)
{
  g_return_val_if_fail (CARAVAN_IS_PIN (self), NULL);

  return self->place;
}

/* The button users click and focus. */
GtkWidget *
caravan_pin_get_button (CaravanPin *self)
{
  g_return_val_if_fail (CARAVAN_IS_PIN (self), NULL);

  return self->button;
}

const char *
caravan_pin_get_name (CaravanPin *self)
{
  g_return_val_if_fail (CARAVAN_IS_PIN (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->name_label));
}

/* The name above the icon: the place's name at the selected date. Set as plain text. */
void
caravan_pin_set_name (CaravanPin *self,
                      const char *name)
{
  g_return_if_fail (CARAVAN_IS_PIN (self));

  gtk_label_set_text (GTK_LABEL (self->name_label), name);
}

gboolean
caravan_pin_get_name_wanted (CaravanPin *self)
{
  g_return_val_if_fail (CARAVAN_IS_PIN (self), FALSE);

  return self->name_wanted;
}

void
caravan_pin_set_name_wanted (CaravanPin *self,
                             gboolean    wanted)
{
  g_return_if_fail (CARAVAN_IS_PIN (self));

  self->name_wanted = !!wanted;
}

/* A marker is centred on its point; a bottom margin of its own height puts the pin's tip there. */
void
caravan_pin_anchor (CaravanPin *self)
{
  int natural = 0;

  g_return_if_fail (CARAVAN_IS_PIN (self));

  gtk_widget_set_margin_bottom (self->button, 0);
  gtk_widget_measure (self->button, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  gtk_widget_set_margin_bottom (self->button, natural);
}

/* Shows or hides the name; the pin's tip stays on its point either way. */
void
caravan_pin_set_name_shown (CaravanPin *self,
                            gboolean    shown)
{
  g_return_if_fail (CARAVAN_IS_PIN (self));

  if (gtk_widget_get_visible (self->name_label) == !!shown)
    return;
  gtk_widget_set_visible (self->name_label, shown);
  caravan_pin_anchor (self);
}

/* Measures the name with it shown, for caravan_pin_get_name_box(): decluttering runs on every
 * zoom step of a flight, and showing a hidden name to measure it there would relayout the pins
 * on every frame. Leaves the name shown. */
void
caravan_pin_measure_name (CaravanPin *self)
{
  g_return_if_fail (CARAVAN_IS_PIN (self));

  gtk_widget_set_visible (self->name_label, TRUE);
  gtk_widget_measure (self->name_label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &self->name_width,
                      NULL, NULL);
  gtk_widget_measure (self->name_label, GTK_ORIENTATION_VERTICAL, -1, NULL, &self->name_height,
                      NULL, NULL);
  gtk_widget_measure (self->icon, GTK_ORIENTATION_VERTICAL, -1, NULL, &self->icon_height,
                      NULL, NULL);
}

/* Where the name would be, with @gap around it, for a pin whose tip is at @x, @y. */
graphene_rect_t
caravan_pin_get_name_box (CaravanPin *self,
                          double      x,
                          double      y,
                          double      gap)
{
  g_return_val_if_fail (CARAVAN_IS_PIN (self), GRAPHENE_RECT_INIT (x, y, 0, 0));

  return GRAPHENE_RECT_INIT (x - self->name_width / 2.0 - gap,
                             y - self->icon_height - self->name_height - gap,
                             self->name_width + 2 * gap, self->name_height + gap);
}

gboolean
caravan_pin_get_selected (CaravanPin *self)
{
  g_return_val_if_fail (CARAVAN_IS_PIN (self), FALSE);

  return self->selected;
}

/* The selected place's pin: styled, and said to be selected to screen readers. */
void
caravan_pin_set_selected (CaravanPin *self,
                          gboolean    selected)
{
  g_return_if_fail (CARAVAN_IS_PIN (self));

  self->selected = !!selected;
  set_css_class (self->button, "selected", self->selected);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_STATE_SELECTED,
                               self->selected, -1);
}

gboolean
caravan_pin_get_faded (CaravanPin *self)
{
  g_return_val_if_fail (CARAVAN_IS_PIN (self), FALSE);

  return self->faded;
}

/* Faded: none of the place's events is in the visible time range. */
void
caravan_pin_set_faded (CaravanPin *self,
                       gboolean    faded)
{
  g_return_if_fail (CARAVAN_IS_PIN (self));

  self->faded = !!faded;
  set_css_class (self->button, "faded", self->faded);
}
