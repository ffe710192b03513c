import { z } from 'zod';
import { AuthorizationCodeResponseSchema, ResourceResponseSchema } from '../contracts/account-api.ts';
import {
  LoginRequestSchema,
  SecondFactorVerifiedSchema,
  SessionUserViewSchema,
  VerifySecondFactorRequestSchema,
} from '../contracts/auth-api.ts';
import { ACCOUNT_INTEGRATION_ROUTES } from '../contracts/integrations-api.ts';
import { LookupQuerySchema, LookupResponseSchema } from '../contracts/lookup-api.ts';
import {
  AcceptTermsRequestSchema,
  DetermineTypeResponseSchema,
  OrderSummarySchema,
  OrderViewSchema,
  PrecheckViewSchema,
  ReviewDecisionRequestSchema,
  SaveOrderDataRequestSchema,
  SaveOrderDataResponseSchema,
  StartOrderRequestSchema,
  VersionRequestSchema,
} from '../contracts/order-api.ts';
import { AccountRecordsSchema } from '../contracts/records-api.ts';
import { routeSpec } from '../contracts/route-spec.ts';

const Id = z.object({ id: z.uuid() });
const A = '/api/v1/applicant';

/**
 * The operations the typed client calls, each with the contracts' own schemas (src/contracts): types are inferred
 * from them, requests are checked against them before they leave and answers parsed with them on arrival. The
 * integrations' entries are the very objects the server registers its routes from.
 */
export const OPERATIONS = {
  login: routeSpec({
    method: 'POST',
    path: '/api/v1/auth/login',
    summary: 'Log in (the client keeps the session cookie)',
    body: LoginRequestSchema,
    status: 200,
    response: SessionUserViewSchema,
  }),
  verifySecondFactor: routeSpec({
    method: 'POST',
    path: '/api/v1/auth/second-factor/verify',
    summary: 'Staff: the authenticator code after the password',
    body: VerifySecondFactorRequestSchema,
    status: 200,
    response: SecondFactorVerifiedSchema,
  }),
  logout: routeSpec({ method: 'POST', path: '/api/v1/auth/logout', summary: 'Log out', status: 204, response: null }),
  determineFilingType: routeSpec({
    method: 'POST',
    path: `${A}/filing-type`,
    summary: 'Which filing type a new domain gets',
    body: StartOrderRequestSchema.options[0],
    status: 200,
    response: DetermineTypeResponseSchema,
  }),
  createOrder: routeSpec({
    method: 'POST',
    path: `${A}/orders`,
    summary: 'Start a filing order',
    body: StartOrderRequestSchema,
    status: 201,
    response: OrderViewSchema,
  }),
  listOrders: routeSpec({
    method: 'GET',
    path: `${A}/orders`,
    summary: 'The account’s orders',
    status: 200,
    response: z.object({ items: z.array(OrderSummarySchema) }),
  }),
  getOrder: routeSpec({
    method: 'GET',
    path: `${A}/orders/:id`,
    summary: 'One order',
    params: Id,
    status: 200,
    response: OrderViewSchema,
  }),
  saveOrderData: routeSpec({
    method: 'PUT',
    path: `${A}/orders/:id/data`,
    summary: 'Save the form data (optimistic version)',
    params: Id,
    body: SaveOrderDataRequestSchema,
    status: 200,
    response: SaveOrderDataResponseSchema,
  }),
  getPrecheck: routeSpec({
    method: 'GET',
    path: `${A}/orders/:id/precheck`,
    summary: 'The pre-check of an order',
    params: Id,
    status: 200,
    response: PrecheckViewSchema,
  }),
  acceptTerms: routeSpec({
    method: 'POST',
    path: `${A}/orders/:id/terms`,
    summary: 'Accept both agreements',
    params: Id,
    body: AcceptTermsRequestSchema,
    status: 200,
    response: OrderViewSchema,
  }),
  submitOrder: routeSpec({
    method: 'POST',
    path: `${A}/orders/:id/submit`,
    summary: 'Submit (or resubmit) the order',
    params: Id,
    body: VersionRequestSchema,
    status: 200,
    response: OrderViewSchema,
  }),
  submitAuthenticity: routeSpec({
    method: 'POST',
    path: `${A}/orders/:id/authenticity`,
    summary: 'Hand in the authenticity verification',
    params: Id,
    status: 200,
    response: OrderViewSchema,
  }),
  listRecords: routeSpec({
    method: 'GET',
    path: `${A}/records`,
    summary: 'Filed subject and websites (备案管理)',
    status: 200,
    response: AccountRecordsSchema,
  }),
  listResources: routeSpec({
    method: 'GET',
    path: `${A}/resources`,
    summary: 'The account’s cloud resources',
    status: 200,
    response: z.object({ items: z.array(ResourceResponseSchema) }),
  }),
  applyAuthorizationCode: routeSpec({
    method: 'POST',
    path: `${A}/authorization-codes`,
    summary: 'Apply for an authorization code (授权码)',
    body: z.object({ resourceId: z.string(), publicIp: z.string().optional() }),
    status: 201,
    response: AuthorizationCodeResponseSchema,
  }),
  publicLookup: routeSpec({
    method: 'GET',
    path: '/api/v1/public/lookup',
    summary: 'Public lookup of filed websites',
    query: LookupQuerySchema,
    status: 200,
    response: LookupResponseSchema,
  }),
  providerReview: routeSpec({
    method: 'POST',
    path: '/api/v1/reviewer/orders/:id/provider-review',
    summary: 'Reviewer: 初审 decision',
    params: Id,
    body: ReviewDecisionRequestSchema,
    status: 200,
    response: OrderViewSchema,
  }),
  authenticityReview: routeSpec({
    method: 'POST',
    path: '/api/v1/reviewer/orders/:id/authenticity-review',
    summary: 'Reviewer: authenticity decision',
    params: Id,
    body: ReviewDecisionRequestSchema,
    status: 200,
    response: OrderViewSchema,
  }),
  ...ACCOUNT_INTEGRATION_ROUTES,
} as const;

export type OperationName = keyof typeof OPERATIONS;
