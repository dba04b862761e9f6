import {
  type ImportProfile,
  uploadImport,
} from '@crosswalk/dashboard/data-access';
import { type FormEvent, useId, useRef, useState } from 'react';

interface ImportUploadFormProps {
  profiles: ImportProfile[];
  /** Called with the new import's id once the server has started it. */
  onStarted: (batchId: string) => void;
}

export function ImportUploadForm({
  profiles,
  onStarted,
}: ImportUploadFormProps) {
  const [profileName, setProfileName] = useState(profiles[0]?.name ?? '');
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = {
    profile: useId(),
    profileHint: useId(),
    file: useId(),
    fileHint: useId(),
    error: useId(),
  };
  const profile = profiles.find((p) => p.name === profileName);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setFailure('Choose a file to upload.');
      return;
    }
    setUploading(true);
    setFailure(null);
    try {
      const { batchId } = await uploadImport(profileName, file);
      if (fileInput.current) fileInput.current.value = '';
      onStarted(batchId);
    } catch (error) {
      setFailure(
        error instanceof Error
          ? error.message
          : 'The upload failed. Please try again.',
      );
    } finally {
      setUploading(false);
    }
  }

  return (
    <form
      className="import-form"
      onSubmit={handleSubmit}
      aria-describedby={failure ? ids.error : undefined}
    >
      <div className="import-form__field">
        <label htmlFor={ids.profile}>Import profile</label>
        <select
          id={ids.profile}
          name="profile"
          value={profileName}
          onChange={(event) => setProfileName(event.target.value)}
          aria-describedby={ids.profileHint}
          required
        >
          {profiles.map((p) => (
            <option key={p.name} value={p.name}>
              {p.title}
            </option>
          ))}
        </select>
        <p id={ids.profileHint} className="import-form__hint">
          {profile
            ? `${sentence(profile.description ?? profile.title)} Rows go to ${profile.agencyName}; times are read in ${profile.timeZone}.`
            : 'How the columns of the file map to encounters.'}
        </p>
      </div>
      <div className="import-form__field">
        <label htmlFor={ids.file}>File</label>
        <input
          id={ids.file}
          ref={fileInput}
          name="file"
          type="file"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={ids.fileHint}
          aria-invalid={failure ? true : undefined}
          required
        />
        <p id={ids.fileHint} className="import-form__hint">
          A CSV export or an Excel workbook (.xlsx), as the profile says.
          Importing the same file again updates its rows instead of adding them
          twice.
        </p>
      </div>
      <div className="import-form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={uploading || !profile}
        >
          {uploading ? 'Uploading…' : 'Upload'}
        </button>
        {failure && (
          <p id={ids.error} className="form-error" role="alert">
            {failure}
          </p>
        )}
      </div>
    </form>
  );
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
