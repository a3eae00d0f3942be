import { Anchor } from '@mantine/core';

/** First Tab stop on every cabinet page: jump past the top bar and navigation. */
export function SkipLink() {
  return (
    <Anchor
      href="#main"
      pos="fixed"
      top={8}
      left={8}
      px="sm"
      py={6}
      bg="white"
      fw={600}
      style={{ zIndex: 1000, borderRadius: 6, transform: 'translateY(-200%)' }}
      onFocus={(e) => {
        e.currentTarget.style.transform = 'none';
      }}
      onBlur={(e) => {
        e.currentTarget.style.transform = 'translateY(-200%)';
      }}
    >
      Перейти к содержимому
    </Anchor>
  );
}
