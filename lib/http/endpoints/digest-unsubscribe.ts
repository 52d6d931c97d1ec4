import { unsubscribeFromDigest } from "../../flows/notify/digest-subscription";
import { apiEndpoint } from "../api-endpoint";
import { digestUnsubscribeContract } from "../lost-contracts";

/** POST /api/v1/digest/unsubscribe (token=…): the token is the credential; an unknown one changes nothing. */
export const digestUnsubscribeEndpoint = apiEndpoint(digestUnsubscribeContract, async ({ db, body }) => {
  const { token } = await body();
  return { body: { unsubscribed: await unsubscribeFromDigest(db, { token }) } };
});
