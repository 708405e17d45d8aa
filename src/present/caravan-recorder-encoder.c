/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-recorder-encoder.c: the recorder's GStreamer side: which encoder a file name
 * needs, and appsrc → videoconvert → encoder → muxer → filesink, encoding in GStreamer's
 * threads. */

#define G_LOG_DOMAIN "caravan-recorder"

#include "config.h"

#include <glib/gi18n.h>
#include <gst/app/gstappsrc.h>

#include "caravan-recorder-private.h"

/* Frames rendered ahead of the encoder: enough to keep both cores busy, little memory. */
#define MAX_QUEUED_FRAMES 4

typedef struct
{
  const char *extension;
  const char *encoders[3];   /* the first one installed is used */
  const char *muxer;
  const char *format_name;
} VideoFormat;

static const VideoFormat formats[] = {
  { ".webm", { "vp8enc", "vp9enc", NULL }, "webmmux", "WebM (VP8)" },
  { ".mp4", { "x264enc", "openh264enc", NULL }, "mp4mux", "MP4 (H.264)" },
};

static const VideoFormat *
find_format (GFile   *output,
             GError **error)
{
  g_autofree char *name = g_file_get_basename (output);
  g_autofree char *lower = g_ascii_strdown (name ? name : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension))
      return &formats[i];

  g_set_error (error, CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_FORMAT,
               _("“%s”: a video file name must end in .webm or .mp4"), name ? name : "");
  return NULL;
}

static gboolean
have_element (const char *name)
{
  g_autoptr(GstElementFactory) factory = gst_element_factory_find (name);

  return factory != NULL;
}

static const char *
find_encoder (const VideoFormat *format)
{
  for (guint i = 0; format->encoders[i] != NULL; i++)
    if (have_element (format->encoders[i]))
      return format->encoders[i];
  return NULL;
}

static gboolean
check_format (const VideoFormat *format,
              const char       **encoder,
              GError           **error)
{
  *encoder = find_encoder (format);
  if (*encoder == NULL || !have_element (format->muxer) || !have_element ("videoconvert") ||
      !have_element ("appsrc") || !have_element ("filesink"))
    {
      if (g_str_equal (format->extension, ".mp4"))
        g_set_error (error, CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_NO_ENCODER,
                     _("No H.264 encoder is installed for MP4 (GStreamer’s x264enc or "
                       "openh264enc, with mp4mux); record a .webm file instead"));
      else
        g_set_error (error, CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_NO_ENCODER,
                     _("GStreamer cannot encode %s here: install gstreamer1.0-plugins-base and "
                       "gstreamer1.0-plugins-good"), format->format_name);
      return FALSE;
    }
  return TRUE;
}

/* Creates (or empties) @output first, so a bad path fails with the file system's own words. */
static gboolean
check_output (GFile   *output,
              GError **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (output);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (output);

      g_set_error (error, CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_OUTPUT,
                   _("Cannot write “%s”: only local files can be recorded"), uri);
      return FALSE;
    }

  stream = g_file_replace (output, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local_error);
  if (stream == NULL || !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      /* GIO's message names the file. */
      g_set_error (error, CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_OUTPUT,
                   _("Cannot write the video: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
caravan_recorder_can_encode (const char *extension)
{
  const char *encoder;

  g_return_val_if_fail (extension != NULL, FALSE);

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (formats[i].extension, extension) == 0)
      return check_format (&formats[i], &encoder, NULL);
  return FALSE;
}

gboolean
caravan_recorder_check_output (GFile   *output,
                               GError **error)
{
  const VideoFormat *format;
  const char *encoder;

  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);
  format = find_format (output, error);
  return format != NULL && check_format (format, &encoder, error) && check_output (output, error);
}

/* Fast settings: the frames are mostly still, and speed matters more than the last bit. */
static void
configure_encoder (CaravanRecorder *self,
                   GstElement      *encoder,
                   const char      *name)
{
  guint kbits = (guint) CLAMP ((gint64) self->width * self->height * self->fps / 4000, 500,
                               20000);

  if (g_str_equal (name, "vp8enc") || g_str_equal (name, "vp9enc"))
    {
      gst_util_set_object_arg (G_OBJECT (encoder), "end-usage", "vbr");
      g_object_set (encoder,
                    "deadline", (gint64) 1,
                    /* Negative: this speed always. A positive one adapts to how long frames
                     * took to encode, so two recordings of one story came out different. */
                    "cpu-used", -16,
                    "threads", MAX (1, (int) g_get_num_processors ()),
                    "lag-in-frames", 0,
                    "target-bitrate", (int) (kbits * 1000),
                    "keyframe-max-dist", (int) (self->fps * 5),
                    NULL);
      if (g_str_equal (name, "vp8enc"))
        g_object_set (encoder, "token-partitions", 2, NULL);
    }
  else if (g_str_equal (name, "x264enc"))
    {
      gst_util_set_object_arg (G_OBJECT (encoder), "speed-preset", "veryfast");
      g_object_set (encoder, "bitrate", kbits, "key-int-max", self->fps * 5, NULL);
    }
  else if (g_str_equal (name, "openh264enc"))
    {
      g_object_set (encoder, "bitrate", kbits * 1000, NULL);
    }
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  CaravanRecorder *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) gst_error = NULL;
        g_autofree char *debug = NULL;

        gst_message_parse_error (message, &gst_error, &debug);
        g_debug ("%s", debug ? debug : "");
        if (self->error == NULL)
          self->error = g_error_new (CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_ENCODING,
                                     _("Encoding failed in %s: %s"),
                                     GST_OBJECT_NAME (message->src), gst_error->message);
        self->bus_watch = 0;
        caravan_recorder_finish (self);
        return G_SOURCE_REMOVE;
      }
    case GST_MESSAGE_EOS:
      self->bus_watch = 0;
      caravan_recorder_finish (self);
      return G_SOURCE_REMOVE;
    default:
      return G_SOURCE_CONTINUE;
    }
}

static GstElement *
make_element (const char  *factory,
              GError     **error)
{
  GstElement *element = gst_element_factory_make (factory, NULL);

  if (element == NULL)
    g_set_error (error, CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_NO_ENCODER,
                 _("The GStreamer element %s is missing"), factory);
  return element;
}

gboolean
caravan_recorder_start_pipeline (CaravanRecorder  *self,
                                 GFile            *output,
                                 GError          **error)
{
  const VideoFormat *format;
  const char *encoder_name;
  GstElement *convert, *encoder, *muxer, *sink, *parse = NULL;
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autofree char *path = NULL;
  GstStructure *config;

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  format = find_format (output, error);
  if (format == NULL || !check_format (format, &encoder_name, error) ||
      !check_output (output, error))
    return FALSE;

  self->pipeline = gst_pipeline_new ("caravan-recorder");
  self->appsrc = make_element ("appsrc", error);
  convert = make_element ("videoconvert", error);
  encoder = make_element (encoder_name, error);
  muxer = make_element (format->muxer, error);
  sink = make_element ("filesink", error);
  if (g_str_equal (format->extension, ".mp4"))
    parse = make_element ("h264parse", error);
  if (self->appsrc == NULL || convert == NULL || encoder == NULL || muxer == NULL ||
      sink == NULL || (g_str_equal (format->extension, ".mp4") && parse == NULL))
    return FALSE;

  /* GDK's ARGB32 textures are BGRA in memory on little-endian machines; the frames are opaque. */
  caps = gst_caps_new_simple ("video/x-raw",
                              "format", G_TYPE_STRING,
                              G_BYTE_ORDER == G_LITTLE_ENDIAN ? "BGRx" : "xRGB",
                              "width", G_TYPE_INT, self->width,
                              "height", G_TYPE_INT, self->height,
                              "framerate", GST_TYPE_FRACTION, (int) self->fps, 1,
                              "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1,
                              NULL);
  g_object_set (self->appsrc, "caps", caps, "format", GST_FORMAT_TIME, "is-live", FALSE,
                "stream-type", 0, NULL);
  g_object_set (convert, "n-threads", MAX (1, (int) g_get_num_processors ()), NULL);
  configure_encoder (self, encoder, encoder_name);
  path = g_file_get_path (output);
  g_object_set (sink, "location", path, NULL);

  gst_bin_add_many (GST_BIN (self->pipeline), self->appsrc, convert, encoder, muxer, sink, NULL);
  if (parse != NULL)
    gst_bin_add (GST_BIN (self->pipeline), parse);
  g_object_ref (self->appsrc);
  if (!gst_element_link_many (self->appsrc, convert, encoder, NULL) ||
      !(parse != NULL ? gst_element_link_many (encoder, parse, muxer, NULL)
                      : gst_element_link (encoder, muxer)) ||
      !gst_element_link (muxer, sink))
    {
      g_set_error (error, CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_ENCODING,
                   _("Cannot link the GStreamer elements for %s"), format->format_name);
      return FALSE;
    }

  /* Frames are drawn straight into buffers taken from a pool, so memory is reused. */
  self->frame_size = (gsize) self->width * self->height * 4;
  self->pool = gst_buffer_pool_new ();
  config = gst_buffer_pool_get_config (self->pool);
  gst_buffer_pool_config_set_params (config, caps, (guint) self->frame_size, MAX_QUEUED_FRAMES,
                                     0);
  if (!gst_buffer_pool_set_config (self->pool, config) ||
      !gst_buffer_pool_set_active (self->pool, TRUE))
    {
      g_set_error (error, CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_ENCODING,
                   _("Cannot allocate video frames of %d×%d"), self->width, self->height);
      return FALSE;
    }

  bus = gst_pipeline_get_bus (GST_PIPELINE (self->pipeline));
  self->bus_watch = gst_bus_add_watch (bus, on_bus_message, self);
  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error (error, CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_OUTPUT,
                   _("Cannot start encoding into “%s”"), path);
      return FALSE;
    }
  return TRUE;
}

GstBuffer *
caravan_recorder_new_buffer (CaravanRecorder *self)
{
  GstBuffer *buffer = NULL;

  if (gst_buffer_pool_acquire_buffer (self->pool, &buffer, NULL) != GST_FLOW_OK)
    buffer = gst_buffer_new_allocate (NULL, self->frame_size, NULL);
  return buffer;
}

void
caravan_recorder_push (CaravanRecorder *self,
                       GstBuffer       *buffer,
                       guint            frame)
{
  GstClockTime start = gst_util_uint64_scale (frame, GST_SECOND, self->fps);
  GstClockTime end = gst_util_uint64_scale (frame + 1, GST_SECOND, self->fps);

  buffer = gst_buffer_make_writable (buffer);
  GST_BUFFER_PTS (buffer) = start;
  GST_BUFFER_DTS (buffer) = start;
  GST_BUFFER_DURATION (buffer) = end - start;
  gst_app_src_push_buffer (GST_APP_SRC (self->appsrc), buffer);
}

gboolean
caravan_recorder_encoder_busy (CaravanRecorder *self)
{
  return gst_app_src_get_current_level_bytes (GST_APP_SRC (self->appsrc)) >=
         MAX_QUEUED_FRAMES * self->frame_size;
}

void
caravan_recorder_end_stream (CaravanRecorder *self)
{
  if (self->appsrc != NULL)
    gst_app_src_end_of_stream (GST_APP_SRC (self->appsrc));
}

void
caravan_recorder_stop_pipeline (CaravanRecorder *self)
{
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  if (self->pool != NULL)
    gst_buffer_pool_set_active (self->pool, FALSE);
  g_clear_object (&self->pool);
  g_clear_object (&self->appsrc);
  g_clear_object (&self->pipeline);
}
