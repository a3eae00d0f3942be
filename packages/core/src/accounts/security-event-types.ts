/** Mirrors @openofd/contract `securityEventTypes`. */
export type SecurityEventType =
  | 'sign_up'
  | 'email_confirmed'
  | 'sign_in'
  | 'sign_in_failed'
  | 'lockout'
  | 'sign_out'
  | 'password_changed'
  | 'recovery_requested'
  | 'recovery_code_failed'
  | 'password_reset'
  | 'email_change_requested'
  | 'email_changed'
  | 'certificate_sign_in'
  | 'certificate_sign_in_failed'
  | 'invitation_sent'
  | 'invitation_accepted';
