// idbroker/authorize: what a Node service needs to accept the broker's credentials (docs/policy.md).
export { authorizeWithBroker, refusal, type AuthorizeAnswer, type AuthorizeQuestion, type ReceivedRequest, type RelyingServiceOptions } from './client.ts';
export { koaAuthorize } from './koa.ts';
export { expressAuthorize } from './express.ts';
