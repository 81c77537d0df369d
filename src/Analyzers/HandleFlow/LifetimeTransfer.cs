using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Summaries;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// The transfer function's lifetime part (MSDRM003, MSDRM005), called by <see cref="HandleTransfer"/>
/// where it sees a copy, a creation, an argument or a disposal: which close sites closed the value each
/// variable holds, which children a close leaves open, what a wrapper adopted. Findings are recorded in
/// the reporting pass only (<paramref name="findings"/> is null in fixpoint passes).
/// </summary>
internal readonly struct LifetimeTransfer
{
    private static readonly int[] None = Array.Empty<int>();

    private readonly HandleFlowContext context;
    private readonly FlowState state;
    private readonly FlowFindings? findings;

    internal LifetimeTransfer(HandleFlowContext context, FlowState state, FlowFindings? findings)
    {
        this.context = context;
        this.state = state;
        this.findings = findings;
    }

    private LifetimeState Life => state.Lifetime;

    private LifetimeTable Table => state.Lifetime.Table;

    /// <summary>A variable or flow capture receives <paramref name="value"/>: a copy keeps the value (closed or not), anything else is a new value.</summary>
    internal void Assign(object key, IOperation value)
    {
        if (!Life.Used && !context.Sites.HasCloses)
        {
            // Nothing closed, adopted or parented yet, and nothing will be: no copy matters.
            return;
        }

        int target = Life.IndexOf(key);
        if (FlowKeyResolver.VariableKey(value, context.Sharing) is not { } source)
        {
            Renew(target, value);
            return;
        }

        int from = Life.IndexOf(source);
        if (from != target)
        {
            Life.SetClosers(target, Life.ClosersOf(from));
            Life.SetMustClosed(target, Life.IsMustClosed(from));
            Life.SetValues(target, Tokens(from, source, state.HeldBy(source), materialize: true) is { Length: > 0 } tokens ? tokens : null);
        }
    }

    /// <summary>A creating call stored a new handle in <paramref name="key"/>; a child remembers its parent's value.</summary>
    internal void Created(object key, IInvocationOperation invocation, CreationSite site, DrmFunction? function)
    {
        if (Life.Used || context.Sites.HasCloses)
        {
            int target = Life.IndexOf(key);
            foreach (int holder in state.KeysHolding(site.Id))
            {
                if (holder != target)
                {
                    // One creation site is one id: a copy still holding the value this call made last time holds an older
                    // value than the variable now does. Closing one must not close the other.
                    Life.AddValue(holder, Stale(site.Id));
                }
            }

            Life.SetClosers(target, null);
            if (Life.ValuesOf(target) is not null)
            {
                Life.SetValues(target, new[] { site.Id });
            }

            Life.SetOrphaned(site.Id, null);
        }

        if (function?.ParameterAt(site.ParameterOrdinal)?.ParentIndex is int parent)
        {
            Life.SetParents(site.Id, ParentTokens(invocation, parent));
        }
    }

    /// <summary>
    /// A user method's summary: a helper that closes the parameter is a close of its kind (sets
    /// <paramref name="closedKind"/>), one that only uses it is a use; true for both.
    /// </summary>
    private static bool HelperClosesOrUses(RecognizedMethod recognized, int ordinal, ref HandleKind? closedKind)
    {
        if (recognized.Summary is not { HasEffects: true } summary)
        {
            return false;
        }

        ParameterEffect effect = summary.EffectAt(ordinal, out HandleKind? kind);
        if (effect == ParameterEffect.Closes)
        {
            closedKind = kind;
        }

        return effect is ParameterEffect.Closes or ParameterEffect.Uses;
    }

    /// <summary>
    /// A by-value argument of a DRM function or runtime method (a use, a close or an adoption), or a
    /// ref/out argument of any call (the variable may get a new value). Runs before the live handles it
    /// carries are closed or escape, so their copies can still be found.
    /// </summary>
    internal void Pass(IInvocationOperation invocation, RecognizedMethod recognized, IArgumentOperation argument, int[] live)
    {
        if (argument.Parameter is not { } parameter || FlowKeyResolver.VariableKey(argument.Value, context.Sharing) is not { } key
            || (key is ISymbol symbol && context.Sharing.IsUntrackable(symbol)))
        {
            // A variable a nested function captures may get a new value this graph does not see: not followed.
            return;
        }

        if (parameter.RefKind is RefKind.Ref or RefKind.Out)
        {
            if (Life.Used)
            {
                Renew(Life.IndexOf(key), argument);
            }

            return;
        }

        DrmFunction? function = recognized.Function;
        bool adopts = recognized.IsAdopt;
        HandleKind? closedKind = function?.ParameterAt(parameter.Ordinal) is { Role: ParameterRole.Closes } closing ? closing.Kind : null;
        bool throughHelper = function is null && HelperClosesOrUses(recognized, parameter.Ordinal, ref closedKind);
        if ((function is null && !recognized.IsRuntime && !throughHelper) || (closedKind is null && !adopts && !Life.Used))
        {
            return;
        }

        int index = Life.IndexOf(key);
        bool closes = closedKind is HandleKind kind && ClosesKind(kind, Tokens(index, key, live, materialize: false));
        string name = DrmCallRecognizer.DisplayName(function, invocation.TargetMethod);
        if (findings is not null && Life.ClosersOf(index) is { } closers)
        {
            Report(invocation, argument, name, closes || adopts, closers, Life.IsMustClosed(index));
        }

        if (closes)
        {
            int[] closedTokens = Tokens(index, key, live, materialize: false);
            CloseSite closer = Table.CloserOf(invocation, name, argument.Value.Syntax, isAdoption: false);
            MarkClosed(index, live, closer.Id);
            CheckOrder(closedTokens, closer);
        }
        else if (adopts)
        {
            int[] adopted = Tokens(index, key, live, materialize: true);
            foreach (int id in live)
            {
                // The raw handle escapes into the wrapper: keep it a value of its variables, so the wrapper's disposal finds them.
                foreach (int holder in state.KeysHolding(id))
                {
                    if (!IsStale(holder, id) && !IsStale(index, id))
                    {
                        Life.AddValue(holder, id);
                    }
                }
            }

            MarkClosed(index, live, Table.CloserOf(invocation, name, argument.Value.Syntax, isAdoption: true).Id);
            if (context.Sites.Find(invocation, -1) is { } wrapper)
            {
                Life.SetAdopted(wrapper.Id, adopted);
            }
        }
    }

    /// <summary><c>w.Dispose()</c> (or the end of a <c>using</c>) on live wrappers: whatever they adopted is closed.</summary>
    internal void Dispose(IInvocationOperation invocation, int[] receiver)
    {
        if (!Life.Used)
        {
            return;
        }

        foreach (int wrapper in receiver)
        {
            if (Life.AdoptedBy(wrapper) is not { } adopted)
            {
                continue;
            }

            // The implicit disposal of a using has no call of its own in the source: it is located on the resource's creation.
            CreationSite site = context.Sites[wrapper];
            IInvocationOperation at = invocation.IsImplicit ? site.Invocation : invocation;
            string variable = invocation is { IsImplicit: false, Instance: { } instance } ? instance.Syntax.ToString()
                : site.Invocation.Arguments.Length > 0 ? site.Invocation.Arguments[0].Value.Syntax.ToString() : site.Invocation.Syntax.ToString();
            CloseSite closer = Table.CloserOf(at, site.Kind.SafeHandleTypeName() + ".Dispose", variable, isAdoption: false);
            foreach (int token in adopted)
            {
                foreach (int holder in Life.KeysWithValue(token))
                {
                    Life.AddCloser(holder, closer.Id);
                }
            }

            CheckOrder(adopted, closer);
        }
    }

    private void Report(IInvocationOperation invocation, IArgumentOperation argument, string function, bool isClose, int[] closers, bool onEveryPath)
    {
        var reported = new List<CloseSite>();
        foreach (int id in closers)
        {
            // An adoption makes only a second close wrong: the handle stays usable while the wrapper lives.
            CloseSite closer = Table[id];
            if (isClose || !closer.IsAdoption)
            {
                reported.Add(closer);
            }
        }

        if (reported.Count > 0)
        {
            findings!.Lifetime.ClosedUse(invocation, argument, function, isClose, onEveryPath, reported);
        }
    }

    /// <summary>The variable and every copy of its value (live copies through the holders, others through value tokens) are closed by <paramref name="closer"/>.</summary>
    private void MarkClosed(int index, int[] live, int closer)
    {
        Life.AddCloser(index, closer);

        // Copies found through the may-facts below are not surely the same value: only this variable is closed on this path for sure.
        Life.SetMustClosed(index, true);
        foreach (int id in live)
        {
            if (IsStale(index, id))
            {
                // An older value of that creation site: its holders are found through the stale token below.
                continue;
            }

            foreach (int holder in state.KeysHolding(id))
            {
                if (!IsStale(holder, id))
                {
                    Life.AddCloser(holder, closer);
                }
            }
        }

        if (Life.ValuesOf(index) is { } tokens)
        {
            foreach (int token in tokens)
            {
                foreach (int holder in Life.KeysWithValue(token))
                {
                    Life.AddCloser(holder, closer);
                }
            }
        }
    }

    /// <summary>MSDRM005: a closed child whose parent was closed first is a finding; open children of the closed value are orphaned.</summary>
    private void CheckOrder(int[] closed, CloseSite closer)
    {
        foreach (int token in closed)
        {
            if (token >= 0 && Life.OrphanedBy(token) is { } parentClosers)
            {
                foreach (int parentCloser in parentClosers)
                {
                    findings?.Lifetime.CloseOrder(Table[parentCloser], token, closer.Invocation);
                }

                Life.SetOrphaned(token, null);
            }
        }

        foreach (int token in closed)
        {
            foreach (int child in Life.ChildrenOf(token))
            {
                if (state.IsLive(child) && Array.IndexOf(closed, child) < 0)
                {
                    Life.AddOrphaned(child, closer.Id);
                }
            }
        }
    }

    /// <summary>The tokens of a variable's value: its live creations and value tokens; with neither, its own token (made explicit when asked).</summary>
    private int[] Tokens(int index, object key, int[] live, bool materialize)
    {
        int[]? values = Life.ValuesOf(index);
        if (values is null)
        {
            if (live.Length > 0 || !materialize)
            {
                return live;
            }

            values = new[] { Table.TokenOf(key) };
            Life.SetValues(index, values);
            return values;
        }

        if (live.Length == 0)
        {
            return values;
        }

        // A live id the variable holds an older value of is that value's stale token, already among its values.
        var union = new List<int>();
        foreach (int id in live)
        {
            if (Array.IndexOf(values, Stale(id)) < 0)
            {
                union.Add(id);
            }
        }

        foreach (int token in values)
        {
            if (!union.Contains(token))
            {
                union.Add(token);
            }
        }

        return union.ToArray();
    }

    /// <summary>The token of the older values of a creation site (see <see cref="Created"/>).</summary>
    private int Stale(int id) => Table.TokenOf((nameof(Stale), id));

    /// <summary>True when the variable holds an older value of the creation site <paramref name="id"/> than the one it last made.</summary>
    private bool IsStale(int key, int id) => Life.ValuesOf(key) is { } values && Array.IndexOf(values, Stale(id)) >= 0;

    private int[] ParentTokens(IInvocationOperation invocation, int parent)
    {
        if (context.Sites.Find(invocation, parent) is { } sameCall)
        {
            // DRMInitEnvironment: the default library's parent is the environment the same call creates.
            return new[] { sameCall.Id };
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == parent && FlowKeyResolver.VariableKey(argument.Value, context.Sharing) is { } key)
            {
                return Tokens(Life.IndexOf(key), key, state.HeldBy(key), materialize: true);
            }
        }

        return None;
    }

    /// <summary>
    /// A close function of another kind than the handles the value was created as (live, or closed or adopted
    /// since) closes nothing (MSDRM004's case); a value no creation of this graph made is of unknown kind.
    /// </summary>
    private bool ClosesKind(HandleKind? kind, int[] tokens)
    {
        bool known = false;
        foreach (int token in tokens)
        {
            if (token >= 0)
            {
                known = true;
                if (context.Sites[token].Kind == kind)
                {
                    return true;
                }
            }
        }

        return !known;
    }

    /// <summary>The variable gets a value that is no handle this graph knows: not closed, and (when it had tokens) a fresh one.</summary>
    private void Renew(int target, IOperation newValue)
    {
        Life.SetClosers(target, null);
        if (Life.ValuesOf(target) is not null)
        {
            Life.SetValues(target, new[] { Table.TokenOf(newValue) });
        }
    }
}
