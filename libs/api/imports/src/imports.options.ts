export const IMPORTS_OPTIONS = Symbol('IMPORTS_OPTIONS');

export interface ImportsOptions {
  /** Largest file the upload accepts, in megabytes. */
  uploadLimitMb: number;
  /** Folder of the import profiles; the shipped ones by default. */
  profilesDir?: string;
}
