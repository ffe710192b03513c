/**
 * The vocabularies of the filing forms and the lists the portal shows (provinces, filing types, material kinds,
 * order states), for the browser. Pure data re-exported from the domain, so both sides use one list.
 */
export {
  ACCESS_METHODS,
  PERSON_ID_TYPES,
  PRE_APPROVAL_TYPES,
  SERVICE_CONTENTS,
  SUBJECT_CERTIFICATE_TYPES,
  SUBJECT_TYPES,
  UNIT_CERTIFICATE_TYPES,
  VERIFICATION_STAGES,
  WEBSITE_LANGUAGES,
} from '../domain/filing-data.ts';
export { FILING_TYPE_INFO, FILING_TYPES, type FilingType } from '../domain/filing-type.ts';
export { MATERIAL_KIND_LABELS, MATERIAL_KINDS, type MaterialKind } from '../domain/material-kind.ts';
export {
  EDITABLE_STATES as EDITABLE_ORDER_STATES,
  ORDER_STATE_LABELS,
  ORDER_STATES,
  type OrderState,
} from '../domain/order-state.ts';
export { PROVINCES, type ProvinceCode } from '../domain/province/provinces.ts';
