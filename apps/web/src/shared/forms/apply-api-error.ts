import { flushSync } from 'react-dom';
import { ApiError } from '../api/api-error';

interface FormLike {
  setErrors(errors: Record<string, string>): void;
  getValues(): object;
}

/**
 * Shows an API error on a form: messages for known fields go next to their
 * inputs; the rest comes back as one message for the alert above the form.
 * `aliases` maps API field names to form field names when they differ.
 */
export function applyApiError(
  form: FormLike,
  error: unknown,
  aliases: Record<string, string> = {},
): string | undefined {
  if (!(error instanceof ApiError)) return 'Что-то пошло не так. Повторите попытку.';
  const known = new Set(Object.keys(form.getValues()));
  const onFields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [name, message] of Object.entries(error.fields)) {
    const target = aliases[name] ?? name;
    if (known.has(target)) onFields[target] = message;
    else elsewhere.push(message);
  }
  // Commit the errors now: otherwise React may render them after the frame in
  // which focusFirstInvalid looks for the marked field, and focus stays put.
  flushSync(() => form.setErrors(onFields));
  if (Object.keys(onFields).length > 0 && elsewhere.length === 0) {
    focusFirstInvalid();
    return undefined;
  }
  return elsewhere.length > 0 ? elsewhere.join(' ') : errorMessage(error);
}

/** The user-facing text of any error (the API's messages are Russian and complete). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error && error.message ? error.message : 'Что-то пошло не так. Повторите попытку.';
}

/**
 * Moves focus to the first field Mantine marked invalid, so keyboard and
 * screen-reader users land on it. Also Mantine's onValidationFailure, called
 * before the errors render: so it looks on the next animation frame, and on
 * a few after that until a marked field exists.
 */
export function focusFirstInvalid(): void {
  focusWhenMarked(FOCUS_FRAMES);
}

const FOCUS_FRAMES = 10;

function focusWhenMarked(frames: number): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (el) el.focus();
    else if (frames > 1) focusWhenMarked(frames - 1);
  });
}
