import { Box, List, PasswordInput, type PasswordInputProps, Text, VisuallyHidden } from '@mantine/core';
import { passwordRules } from '@openofd/contract';

/** New-password field that shows the contract's strength rules, ticking each off while typing. */
export function PasswordWithRules(props: PasswordInputProps & { value?: string }) {
  const value = props.value ?? '';
  return (
    <Box>
      {/* No aria-describedby of our own: Mantine links the field to its error message with it. */}
      <PasswordInput autoComplete="new-password" {...props} />
      <List
        aria-label="Требования к паролю"
        size="sm"
        mt={6}
        spacing={2}
        listStyleType="none"
        aria-live="polite"
      >
        {passwordRules
          .filter((r) => r.id !== 'max' || !r.test(value))
          .map((r) => {
            const ok = r.test(value);
            return (
              <List.Item key={r.id}>
                <Text span size="sm" c={ok ? 'teal.8' : 'dimmed'} data-rule={r.id} data-ok={ok}>
                  {ok ? '✓' : '○'} {r.label}
                  <VisuallyHidden>{ok ? ' — выполнено' : ' — не выполнено'}</VisuallyHidden>
                </Text>
              </List.Item>
            );
          })}
      </List>
    </Box>
  );
}
