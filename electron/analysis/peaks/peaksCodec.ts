// The codec is pure and the renderer decodes peaks too, so it lives in shared/.
export * from '../../../shared/peaksCodec';
