/** Share of the file done, 0 to 1, from the bytes the committed batches have read. */
export function importProgress(batch: {
  status: string;
  bytesRead: number;
  bytesTotal: number | null;
}): number {
  if (batch.status === 'completed') return 1;
  if (!batch.bytesTotal || batch.bytesTotal <= 0) return 0;
  return Math.min(1, Math.max(0, batch.bytesRead / batch.bytesTotal));
}
