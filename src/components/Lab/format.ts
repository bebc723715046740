import type {LabProgress} from './labStore';

export function percent(p: LabProgress): number | null {
  if (!p.total || p.total <= 0) return null;
  return Math.min(100, Math.floor((p.loaded / p.total) * 100));
}

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
