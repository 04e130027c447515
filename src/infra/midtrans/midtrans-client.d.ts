// midtrans-client ships no types (and @types/midtrans-client is `any` throughout); this declares
// only the constructor the wrapper uses. Its result is narrowed in midtrans-core-api.ts.
declare module "midtrans-client" {
  const midtransClient: {
    CoreApi: new (options: { isProduction: boolean; serverKey: string; clientKey: string }) => unknown;
  };
  export default midtransClient;
}
