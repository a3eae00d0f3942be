import { Alert } from '@mantine/core';
import { useEffect, useRef } from 'react';

/** The form-level error above the fields; announced and focused so it is not missed. */
export function FormError({ message }: { message: string | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <Alert ref={ref} color="red" variant="light" role="alert" tabIndex={-1} data-testid="form-error">
      {message}
    </Alert>
  );
}
