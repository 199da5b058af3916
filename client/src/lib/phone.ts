// A phone number's shape only (a mobile number or a landline with its area code): the exact rules are the API's.
const PHONE_SHAPE = /^(1[0-9]{10}|0[0-9]{2,3}-?[0-9]{7,8})$/;

export function looksLikePhone(value: string): boolean {
  return PHONE_SHAPE.test(value.trim());
}
