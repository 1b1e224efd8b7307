/**
 * The build fails here when the protocol's generated types (src/protocol.ts, from openapi.yaml)
 * and @liveplus/core's domain types disagree: a field added, removed, made optional or given
 * another type on one side only. Nothing here runs; the module compiles to nothing.
 *
 * `Normalize` flattens interfaces and intersections into plain object types (keeping readonly
 * and optional modifiers), so an `interface` and a `type` with the same members compare equal;
 * `Equal` is the strict identity check, which also catches an extra optional field.
 */
import type * as Core from '@liveplus/core';
import type * as Wire from './protocol.js';

type Normalize<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { [K in keyof T]: Normalize<T[K]> } : T;
type Equal<A, B> = (<T>() => T extends Normalize<A> ? 1 : 2) extends <T>() => T extends Normalize<B> ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
/**
 * A discriminated union member by member: the identity check does not see through a union of
 * intersections (core's analytics events are `Base & {…}`), so compare each `type` on its own.
 */
type EqualByType<A extends { readonly type: string }, B extends { readonly type: string }> =
  Equal<A['type'], B['type']> extends true
    ? false extends { [T in A['type']]: Equal<Extract<A, { type: T }>, Extract<B, { type: T }>> }[A['type']]
      ? false
      : true
    : false;

export type ProtocolMatchesCore = [
  Assert<Equal<Wire.Money, Core.Money>>,
  Assert<Equal<Wire.ReferencePrice, Core.ReferencePrice>>,
  Assert<Equal<Wire.ImageRef, Core.ImageRef>>,
  Assert<Equal<Wire.ShowStatus, Core.ShowStatus>>,
  Assert<Equal<Wire.StreamSources, Core.StreamSources>>,
  Assert<Equal<Wire.SellerIdentity, Core.SellerIdentity>>,
  Assert<Equal<Wire.Presenter, Core.Presenter>>,
  Assert<Equal<Wire.Disclosure, Core.Disclosure>>,
  Assert<Equal<Wire.HighlightMark, Core.HighlightMark>>,
  Assert<Equal<Wire.Show, Core.Show>>,
  Assert<Equal<Wire.Availability, Core.Availability>>,
  Assert<Equal<Wire.OptionValue, Core.OptionValue>>,
  Assert<Equal<Wire.OptionAxis, Core.OptionAxis>>,
  Assert<Equal<Wire.Variant, Core.Variant>>,
  Assert<Equal<Wire.ProductAttribute, Core.ProductAttribute>>,
  Assert<Equal<Wire.Product, Core.Product>>,
  Assert<Equal<Wire.ChatRole, Core.ChatRole>>,
  Assert<Equal<Wire.ChatAuthor, Core.ChatAuthor>>,
  Assert<Equal<Wire.ChatMessage, Core.ChatMessage>>,
  Assert<Equal<Wire.ChatHistoryPage, Core.ChatHistoryPage>>,
  Assert<Equal<Wire.CartLine, Core.CartLine>>,
  Assert<Equal<Wire.Cart, Core.Cart>>,
  Assert<Equal<Wire.StatusChangedEvent, Core.StatusChangedEvent>>,
  Assert<Equal<Wire.ProductHighlightedEvent, Core.ProductHighlightedEvent>>,
  Assert<Equal<Wire.ProductUpdatedEvent, Core.ProductUpdatedEvent>>,
  Assert<Equal<Wire.ChatMessageEvent, Core.ChatMessageEvent>>,
  Assert<Equal<Wire.MessageDeletedEvent, Core.MessageDeletedEvent>>,
  Assert<Equal<Wire.MessagePinnedEvent, Core.MessagePinnedEvent>>,
  Assert<Equal<Wire.UserMutedEvent, Core.UserMutedEvent>>,
  Assert<Equal<Wire.ViewerCountEvent, Core.ViewerCountEvent>>,
  Assert<Equal<Wire.ReactionEvent, Core.ReactionEvent>>,
  Assert<Equal<Wire.ShowEvent, Core.ShowEvent>>,
  Assert<EqualByType<Wire.AnalyticsEvent, Core.AnalyticsEvent>>,
  Assert<Equal<Wire.ErrorCode, Core.ErrorCode>>,
  Assert<Equal<Wire.Reaction, Core.Reaction>>,
  Assert<Equal<Wire.ReportReason, Core.ReportInput['reason']>>,
  Assert<Equal<Wire.ReportInput, Core.ReportInput>>,
  Assert<Equal<Wire.AddLineInput, Core.AddLineInput>>,
  Assert<Equal<Wire.SendMessageInput, Core.SendMessageInput>>,
];
