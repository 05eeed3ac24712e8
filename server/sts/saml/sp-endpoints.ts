// The broker's SAML service-provider identity, derived from the public URL: entity id (= the Audience it
// requires) and HTTP-POST assertion consumer service (= the Recipient/Destination it requires).
export interface SpEndpoints {
  entityId: string;
  acsUrl: string;
}

export function spEndpoints(publicUrl: string): SpEndpoints {
  const base = publicUrl.replace(/\/+$/, '');
  return { entityId: `${base}/saml/metadata`, acsUrl: `${base}/saml/acs` };
}
