import { useTranslation } from 'react-i18next';

/**
 * The enforcement forms' required rule. `whitespace` is added only when asked (text fields): any key beside
 * `required` and `message` makes async-validator check for a string, and a filled-in number or date then reads as
 * missing.
 */
export function useRequiredRule() {
  const { t } = useTranslation();
  return (field: string, whitespace = false) => ({
    required: true,
    message: t('enforcement.form.required', { field }),
    ...(whitespace ? { whitespace } : {}),
  });
}
