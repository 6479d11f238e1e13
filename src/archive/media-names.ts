/** How media files and their temporary files are named in `<out>/media/` (shared by the writer and the sweep). */

/** The media folder, relative to `<out>`. */
export const MEDIA_DIR = 'media';
/** Temporary files of downloads in progress: dot files, so no media name can look like one. */
export const MEDIA_TEMP_PREFIX = '.part-';
/** A stored media file's name: its hash, a readable name, its extension. */
const MEDIA_NAME = /^([0-9a-f]{64})-[a-z0-9-]+\.[a-z0-9]+$/;

/** Whether a name in `media/` is the temporary file of an unfinished download. */
export function isMediaTemp(name: string): boolean {
  return name.startsWith(MEDIA_TEMP_PREFIX);
}

/** The hash a stored media file's name starts with, or undefined if it is no media file name. */
export function hashOfMediaName(name: string): string | undefined {
  return MEDIA_NAME.exec(name)?.[1];
}

