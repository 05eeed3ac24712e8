// RADIUS MFA for directories (PAP, like AWS Directory Service's RADIUS MFA): see README.md here.
export { RadiusClient, type RadiusClientOptions } from './client.ts';
