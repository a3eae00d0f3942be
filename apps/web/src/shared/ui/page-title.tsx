import { Title, type TitleProps } from '@mantine/core';
import { useEffect, useRef } from 'react';

/**
 * The page's h1. It sets the document title and takes focus on mount, so after
 * client-side navigation screen readers announce the new page.
 */
export function PageTitle({ children, ...rest }: TitleProps & { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} — OpenOFD`;
    ref.current?.focus({ preventScroll: true });
  }, [children]);
  return (
    <Title ref={ref} order={1} size="h2" tabIndex={-1} style={{ outline: 'none' }} mb="md" {...rest}>
      {children}
    </Title>
  );
}
